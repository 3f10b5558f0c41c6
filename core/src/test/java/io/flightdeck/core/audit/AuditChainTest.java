package io.flightdeck.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditChainTest {
  private static final long T0 = 1_700_000_000_000L;

  /** A valid chain of {@code n} entries, as the store would write it. */
  static List<AuditEntry> chain(int n) {
    List<AuditEntry> entries = new ArrayList<>();
    String prev = AuditChain.GENESIS;
    for (int seq = 1; seq <= n; seq++) {
      AuditEntry e = entry(seq, prev, "{\"n\":" + seq + "}");
      entries.add(e);
      prev = e.hash();
    }
    return entries;
  }

  private static AuditEntry entry(long seq, String prev, String details) {
    long ts = T0 + seq * 1000;
    String hash =
        AuditChain.hash(prev, seq, ts, "alice", "model.registered", "model", "m" + seq, details);
    return new AuditEntry(
        seq, ts, "alice", "model.registered", "model", "m" + seq, details, prev, hash);
  }

  private static Optional<AuditHead> headOf(List<AuditEntry> entries) {
    AuditEntry last = entries.get(entries.size() - 1);
    return Optional.of(new AuditHead(last.seq(), last.hash()));
  }

  private static ChainVerification verify(List<AuditEntry> entries, Optional<AuditHead> head) {
    return AuditChain.verify(entries.iterator(), head);
  }

  /** Replaces entry {@code seq} (1-based) with a copy whose details differ, hash left as it was. */
  private static List<AuditEntry> withEditedDetails(List<AuditEntry> entries, int seq) {
    List<AuditEntry> copy = new ArrayList<>(entries);
    AuditEntry e = copy.get(seq - 1);
    copy.set(
        seq - 1,
        new AuditEntry(
            e.seq(),
            e.timestampMs(),
            e.actor(),
            e.action(),
            e.objectType(),
            e.objectId(),
            "{\"n\":666}",
            e.prevHash(),
            e.hash()));
    return copy;
  }

  @Nested
  class Hash {
    @Test
    void isLowerCaseHexSha256AndDeterministic() {
      String a = AuditChain.hash(AuditChain.GENESIS, 1, T0, "alice", "x.y", "model", "m1", "{}");
      String b = AuditChain.hash(AuditChain.GENESIS, 1, T0, "alice", "x.y", "model", "m1", "{}");
      assertThat(a).isEqualTo(b).matches("[0-9a-f]{64}");
    }

    @Test
    void formatIsFrozenBecauseStoredTrailsDependOnIt() {
      // Computed independently (Python hashlib) from the documented format: for each field,
      // "<utf-8 byte length>:<utf-8 bytes>". Changing the format would break every stored trail.
      assertThat(
              AuditChain.hash(
                  AuditChain.GENESIS,
                  1,
                  1_700_000_000_000L,
                  "alice",
                  "workspace.created",
                  "workspace",
                  "/w",
                  "{\"schema\":\"1\"}"))
          .isEqualTo("3c8233bf6950fd9814a4b25227d02f32185b1ad0aa6ed4046877c4c0da966364");
    }

    @Test
    void matchesReferenceImplementationOfLengthPrefixedFields() throws Exception {
      String[] fields = {"ab".repeat(32), "42", "1700000000123", "zoë", "a:b", "", "日本", "{}"};
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String f : fields) {
        byte[] bytes = f.getBytes(StandardCharsets.UTF_8);
        md.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        md.update(bytes);
      }
      String reference = HexFormat.of().formatHex(md.digest());

      assertThat(
              AuditChain.hash(
                  fields[0],
                  42,
                  1_700_000_000_123L,
                  fields[3],
                  fields[4],
                  fields[5],
                  fields[6],
                  fields[7]))
          .isEqualTo(reference);
    }

    static Stream<Arguments> sameConcatenationDifferentFields() {
      String g = AuditChain.GENESIS;
      return Stream.of(
          Arguments.of(
              new Object[] {g, 1L, T0, "ab", "c", "t", "i", "{}"},
              new Object[] {g, 1L, T0, "a", "bc", "t", "i", "{}"}),
          Arguments.of(
              new Object[] {g, 12L, 3L, "a", "b", "t", "i", "{}"},
              new Object[] {g, 1L, 23L, "a", "b", "t", "i", "{}"}),
          Arguments.of(
              new Object[] {g, 1L, T0, "a", "b", "type", "", "{}"},
              new Object[] {g, 1L, T0, "a", "b", "", "type", "{}"}),
          // A field that itself looks like a length prefix must not shift the boundaries.
          Arguments.of(
              new Object[] {g, 1L, T0, "a", "1:b", "t", "i", "{}"},
              new Object[] {g, 1L, T0, "a1:", "b", "t", "i", "{}"}),
          Arguments.of(
              new Object[] {g, 1L, T0, "a", "b", "t", "i{", "}"},
              new Object[] {g, 1L, T0, "a", "b", "t", "i", "{}"}));
    }

    @ParameterizedTest
    @MethodSource("sameConcatenationDifferentFields")
    void differentFieldBoundariesGiveDifferentHashes(Object[] a, Object[] b) {
      assertThat(hashOf(a)).isNotEqualTo(hashOf(b));
    }

    private String hashOf(Object[] f) {
      return AuditChain.hash(
          (String) f[0],
          (Long) f[1],
          (Long) f[2],
          (String) f[3],
          (String) f[4],
          (String) f[5],
          (String) f[6],
          (String) f[7]);
    }

    @Test
    void everyFieldContributes() {
      String base = AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "c", "d", "{}");
      List<String> variants =
          List.of(
              AuditChain.hash("1".repeat(64), 1, T0, "a", "b", "c", "d", "{}"),
              AuditChain.hash(AuditChain.GENESIS, 2, T0, "a", "b", "c", "d", "{}"),
              AuditChain.hash(AuditChain.GENESIS, 1, T0 + 1, "a", "b", "c", "d", "{}"),
              AuditChain.hash(AuditChain.GENESIS, 1, T0, "A", "b", "c", "d", "{}"),
              AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "B", "c", "d", "{}"),
              AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "C", "d", "{}"),
              AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "c", "D", "{}"),
              AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "c", "d", "{ }"));
      assertThat(variants).doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void expectedHashRecomputesFromTheEntry() {
      AuditEntry e = chain(1).get(0);
      assertThat(AuditChain.expectedHash(e)).isEqualTo(e.hash());
      assertThat(e.prevHash()).isEqualTo(AuditChain.GENESIS).hasSize(64).containsOnlyDigits();
    }
  }

  @Nested
  class Verify {
    @Test
    void emptyTrailWithoutHeadIsValid() {
      ChainVerification v = verify(List.of(), Optional.empty());
      assertThat(v.valid()).isTrue();
      assertThat(v.entriesChecked()).isZero();
      assertThat(v.firstBrokenSeq()).isEmpty();
      assertThat(v.problem()).isEmpty();
    }

    @Test
    void validChainWithMatchingHead() {
      List<AuditEntry> entries = chain(5);
      ChainVerification v = verify(entries, headOf(entries));
      assertThat(v.valid()).isTrue();
      assertThat(v.entriesChecked()).isEqualTo(5);
      assertThat(v.summary()).isEqualTo("Audit trail intact: 5 entries verified.");
    }

    @Test
    void editedFieldIsNamed() {
      List<AuditEntry> entries = chain(5);
      ChainVerification v = verify(withEditedDetails(entries, 3), headOf(entries));
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenSeq()).hasValue(3);
      assertThat(v.entriesChecked()).isEqualTo(2);
      assertThat(v.problem()).isEqualTo("entry 3 was changed after it was recorded");
      assertThat(v.summary())
          .isEqualTo("Audit trail BROKEN at entry 3: entry 3 was changed after it was recorded.");
    }

    @Test
    void editedEntryWithRecomputedHashBreaksTheNextLink() {
      List<AuditEntry> entries = new ArrayList<>(chain(5));
      entries.set(2, entry(3, entries.get(1).hash(), "{\"n\":666}"));
      ChainVerification v = verify(entries, headOf(entries));
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenSeq()).hasValue(4);
      assertThat(v.problem()).isEqualTo("entry 4 does not link to entry 3");
    }

    @Test
    void missingMiddleEntryIsNamed() {
      List<AuditEntry> entries = new ArrayList<>(chain(5));
      Optional<AuditHead> head = headOf(entries);
      entries.remove(2);
      ChainVerification v = verify(entries, head);
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenSeq()).hasValue(3);
      assertThat(v.entriesChecked()).isEqualTo(2);
      assertThat(v.problem()).isEqualTo("entry 3 is missing (the next entry found is 4)");
    }

    @Test
    void missingFirstEntryIsNamed() {
      List<AuditEntry> entries = new ArrayList<>(chain(3));
      Optional<AuditHead> head = headOf(entries);
      entries.remove(0);
      ChainVerification v = verify(entries, head);
      assertThat(v.firstBrokenSeq()).hasValue(1);
      assertThat(v.entriesChecked()).isZero();
    }

    @Test
    void removedNewestEntryIsDetectedByTheHead() {
      List<AuditEntry> entries = new ArrayList<>(chain(5));
      Optional<AuditHead> head = headOf(entries);
      entries.remove(4);
      ChainVerification v = verify(entries, head);
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenSeq()).hasValue(5);
      assertThat(v.entriesChecked()).isEqualTo(4);
      assertThat(v.problem()).isEqualTo("entry 5 is missing (the trail should end at entry 5)");
    }

    @Test
    void allEntriesRemovedIsDetectedByTheHead() {
      Optional<AuditHead> head = headOf(chain(3));
      ChainVerification v = verify(List.of(), head);
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenSeq()).hasValue(1);
      assertThat(v.problem()).contains("the trail should end at entry 3");
    }

    @Test
    void replacedNewestEntryDoesNotMatchTheHead() {
      List<AuditEntry> entries = new ArrayList<>(chain(5));
      Optional<AuditHead> head = headOf(entries);
      entries.set(4, entry(5, entries.get(3).hash(), "{\"n\":666}"));
      ChainVerification v = verify(entries, head);
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenSeq()).hasValue(5);
      assertThat(v.problem()).isEqualTo("entry 5 does not match the recorded head of the trail");
    }

    @Test
    void entryAppendedBehindTheHeadsBackIsDetected() {
      List<AuditEntry> entries = new ArrayList<>(chain(5));
      Optional<AuditHead> head = Optional.of(new AuditHead(4, entries.get(3).hash()));
      ChainVerification v = verify(entries, head);
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenSeq()).hasValue(5);
    }

    @Test
    void missingHeadIsDetected() {
      ChainVerification v = verify(chain(2), Optional.empty());
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenSeq()).hasValue(2);
      assertThat(v.problem()).isEqualTo("the recorded head of the trail is missing");
    }

    @Test
    void brokenLinkIsNamed() {
      List<AuditEntry> entries = new ArrayList<>(chain(5));
      // Entry 4 re-hashed consistently but pointing at a wrong predecessor.
      entries.set(3, entry(4, "f".repeat(64), "{\"n\":4}"));
      ChainVerification v = verify(entries, headOf(chain(5)));
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenSeq()).hasValue(4);
      assertThat(v.entriesChecked()).isEqualTo(3);
      assertThat(v.problem()).isEqualTo("entry 4 does not link to entry 3");
    }

    @Test
    void firstEntryMustStartFromGenesis() {
      List<AuditEntry> entries = List.of(entry(1, "1".repeat(64), "{}"));
      ChainVerification v = verify(entries, headOf(entries));
      assertThat(v.firstBrokenSeq()).hasValue(1);
      assertThat(v.problem()).isEqualTo("entry 1 does not link to entry 0");
    }

    @Test
    void reportsOnlyTheFirstProblem() {
      List<AuditEntry> entries = withEditedDetails(withEditedDetails(chain(6), 5), 2);
      ChainVerification v = verify(entries, headOf(chain(6)));
      assertThat(v.firstBrokenSeq()).hasValue(2);
    }
  }

  @Test
  void entryTimestampIsTheInstantOfItsMillis() {
    assertThat(chain(1).get(0).timestamp().toEpochMilli()).isEqualTo(T0 + 1000);
  }
}
