package io.flightdeck.core.stats;

/** 64-bit hashes for distinct counting. Stateless and thread-safe. */
final class Hashing {
  private Hashing() {}

  /** MurmurHash3's 64-bit finalizer: a bijection that spreads every input bit. */
  static long mix64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** Hash of a finite double; {@code -0.0} and {@code 0.0} hash alike. Injective otherwise. */
  static long hash(double v) {
    return mix64(Double.doubleToLongBits(v == 0 ? 0.0 : v));
  }

  /** FNV-1a over the UTF-16 code units, then {@link #mix64}. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix64(h ^ s.length());
  }
}
