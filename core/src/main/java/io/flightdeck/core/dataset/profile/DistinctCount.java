package io.flightdeck.core.dataset.profile;

import java.util.Arrays;

/**
 * Counts distinct 64-bit keys: exactly (an open-addressing set, load at most 1/2) up to a limit,
 * then with a HyperLogLog of {@code 2^p} one-byte registers (Flajolet et al. 2007 with linear
 * counting for small cardinalities; relative error about {@code 1.04 / sqrt(2^p)}). Not
 * thread-safe.
 */
final class DistinctCount {
  private static final long EMPTY = 0x7ff4_dead_beef_0000L; // a NaN payload no parser produces
  private final int limit;
  private final int p;
  private long[] slots;
  private int size;
  private byte[] registers;

  DistinctCount(int limit, int p) {
    this.limit = limit;
    this.p = p;
    this.slots = new long[16];
    Arrays.fill(slots, EMPTY);
  }

  void add(long key) {
    long h = mix(key);
    if (registers != null) {
      addHll(h);
      return;
    }
    long k = key == EMPTY ? EMPTY + 1 : key;
    int mask = slots.length - 1;
    int i = (int) h & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == k) {
        return;
      }
      i = (i + 1) & mask;
    }
    slots[i] = k;
    size++;
    if (size > limit) {
      registers = new byte[1 << p];
      for (long s : slots) {
        if (s != EMPTY) {
          addHll(mix(s));
        }
      }
      slots = null;
    } else if (size * 2 > slots.length) {
      rehash();
    }
  }

  private void rehash() {
    long[] old = slots;
    slots = new long[old.length * 2];
    Arrays.fill(slots, EMPTY);
    int mask = slots.length - 1;
    for (long s : old) {
      if (s != EMPTY) {
        int i = (int) mix(s) & mask;
        while (slots[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  private void addHll(long hash) {
    int idx = (int) (hash >>> (64 - p));
    byte rank = (byte) (Long.numberOfLeadingZeros(hash << p | (1L << (p - 1))) + 1);
    if (rank > registers[idx]) {
      registers[idx] = rank;
    }
  }

  boolean exact() {
    return registers == null;
  }

  long count() {
    if (registers == null) {
      return size;
    }
    int m = registers.length;
    double sum = 0;
    int zeros = 0;
    for (byte r : registers) {
      sum += Math.scalb(1.0, -r);
      zeros += r == 0 ? 1 : 0;
    }
    double e = 0.7213 / (1 + 1.079 / m) * m * (double) m / sum;
    if (e <= 2.5 * m && zeros > 0) {
      e = m * Math.log((double) m / zeros);
    }
    return Math.round(e);
  }

  /** MurmurHash3's 64-bit finaliser. */
  static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
