package io.flightdeck.core.audit;

import java.util.OptionalLong;

/**
 * The verdict of {@link AuditChain#verify}.
 *
 * @param valid true when every entry is intact and linked
 * @param entriesChecked how many entries were found intact before the first problem (all of them
 *     when valid)
 * @param firstBrokenSeq the sequence number of the first broken or missing entry, when not valid
 * @param problem a plain sentence describing the first problem, empty when valid
 */
public record ChainVerification(
    boolean valid, long entriesChecked, OptionalLong firstBrokenSeq, String problem) {

  static ChainVerification valid(long checked) {
    return new ChainVerification(true, checked, OptionalLong.empty(), "");
  }

  static ChainVerification broken(long checked, long seq, String problem) {
    return new ChainVerification(false, checked, OptionalLong.of(seq), problem);
  }

  /** One line for the command line and the status bar. */
  public String summary() {
    return valid
        ? "Audit trail intact: "
            + entriesChecked
            + (entriesChecked == 1 ? " entry" : " entries")
            + " verified."
        : "Audit trail BROKEN at entry " + firstBrokenSeq.getAsLong() + ": " + problem + ".";
  }
}
