package io.flightdeck.core.stats;

import java.util.function.LongConsumer;

/** Open-addressing set of longs (linear probing, load <= 1/2). Not thread-safe. */
final class LongHashSet {
  private long[] keys = new long[16];
  private boolean hasZero;
  private int size;

  /** Adds a key; returns whether it was new. */
  boolean add(long key) {
    if (key == 0) {
      boolean added = !hasZero;
      hasZero = true;
      size += added ? 1 : 0;
      return added;
    }
    int mask = keys.length - 1;
    int i = (int) Hashing.mix64(key) & mask;
    while (keys[i] != 0) {
      if (keys[i] == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    size++;
    if (2 * size > keys.length) {
      grow();
    }
    return true;
  }

  int size() {
    return size;
  }

  void forEach(LongConsumer action) {
    if (hasZero) {
      action.accept(0L);
    }
    for (long k : keys) {
      if (k != 0) {
        action.accept(k);
      }
    }
  }

  private void grow() {
    long[] old = keys;
    keys = new long[old.length * 2];
    int mask = keys.length - 1;
    for (long k : old) {
      if (k != 0) {
        int i = (int) Hashing.mix64(k) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
      }
    }
  }
}
