package io.flightdeck.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * The hash chain of the audit trail: how an entry's hash is computed and how a sequence of entries
 * is verified. Stateless and thread-safe.
 */
public final class AuditChain {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /**
   * SHA-256 (lower-case hex) over the previous hash and every field of an entry. Each field is
   * written with its length in front, so no two different entries can produce the same input.
   */
  public static String hash(
      String prevHash,
      long seq,
      long timestampMs,
      String actor,
      String action,
      String objectType,
      String objectId,
      String detailsJson) {
    MessageDigest digest = sha256();
    for (String field :
        new String[] {
          prevHash,
          Long.toString(seq),
          Long.toString(timestampMs),
          actor,
          action,
          objectType,
          objectId,
          detailsJson
        }) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The hash that {@code entry} should carry, recomputed from its fields. */
  public static String expectedHash(AuditEntry entry) {
    return hash(
        entry.prevHash(),
        entry.seq(),
        entry.timestampMs(),
        entry.actor(),
        entry.action(),
        entry.objectType(),
        entry.objectId(),
        entry.detailsJson());
  }

  /**
   * Verifies entries given in ascending sequence order against each other and against the recorded
   * head.
   *
   * @param entries all entries, ascending by sequence number
   * @param head the recorded newest entry, or empty when the trail has never been written
   * @return the verdict, naming the first broken entry when there is one
   */
  public static ChainVerification verify(Iterator<AuditEntry> entries, Optional<AuditHead> head) {
    String prev = GENESIS;
    long expectedSeq = 1;
    long checked = 0;
    while (entries.hasNext()) {
      AuditEntry e = entries.next();
      if (e.seq() != expectedSeq) {
        return ChainVerification.broken(
            checked,
            expectedSeq,
            "entry " + expectedSeq + " is missing (the next entry found is " + e.seq() + ")");
      }
      if (!e.prevHash().equals(prev)) {
        return ChainVerification.broken(
            checked, e.seq(), "entry " + e.seq() + " does not link to entry " + (e.seq() - 1));
      }
      if (!expectedHash(e).equals(e.hash())) {
        return ChainVerification.broken(
            checked, e.seq(), "entry " + e.seq() + " was changed after it was recorded");
      }
      prev = e.hash();
      expectedSeq++;
      checked++;
    }
    long last = expectedSeq - 1;
    if (head.isPresent()) {
      AuditHead h = head.get();
      if (h.lastSeq() > last) {
        return ChainVerification.broken(
            checked,
            last + 1,
            "entry "
                + (last + 1)
                + " is missing (the trail should end at entry "
                + h.lastSeq()
                + ")");
      }
      if (h.lastSeq() < last || !h.lastHash().equals(prev)) {
        return ChainVerification.broken(
            checked, last, "entry " + last + " does not match the recorded head of the trail");
      }
    } else if (last > 0) {
      return ChainVerification.broken(checked, last, "the recorded head of the trail is missing");
    }
    return ChainVerification.valid(checked);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
