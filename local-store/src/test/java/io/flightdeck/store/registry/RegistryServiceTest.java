package io.flightdeck.store.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.AliasChange;
import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.core.registry.Approval;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelCard;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry service against a real workspace database, with a fake inspector. */
class RegistryServiceTest {
  @TempDir Path tmp;
  private RegistryFixture fx;
  private RegistryService reg;

  @BeforeEach
  void open() {
    fx = new RegistryFixture(tmp.resolve("ws"));
    reg = fx.registry;
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private ModelVersion register(String salt) throws Exception {
    fx.advance(Duration.ofMinutes(1));
    return reg.registerFile(
        FakeInspector.model(tmp.resolve("in-" + salt), "m.onnx", salt), "iris", "");
  }

  @Test
  void registeringAFileStoresItsHashSizeSignatureAndSource() throws Exception {
    Path file = FakeInspector.model(tmp.resolve("in"), "model.onnx", "a");
    ModelVersion v = reg.registerFile(file, "iris", "first try");
    assertThat(v.version()).isEqualTo(1);
    assertThat(v.ref()).isEqualTo("iris:1");
    assertThat(v.size()).isEqualTo(Files.size(file));
    assertThat(v.sha256()).hasSize(64);
    assertThat(fx.ws.artifacts().contains(v.sha256())).isTrue();
    assertThat(v.signature()).isEqualTo(FakeInspector.SIGNATURE);
    assertThat(v.task()).isEqualTo("classification");
    assertThat(v.source()).isEqualTo("file:model.onnx");
    assertThat(v.runId()).isNull();
    assertThat(v.createdBy()).isEqualTo("ana");
    assertThat(v.description()).isEqualTo("first try");
    assertThat(reg.models())
        .singleElement()
        .satisfies(m -> assertThat(m.latestVersion()).isEqualTo(1));
    assertThat(reg.version("iris", 1)).isEqualTo(v);
  }

  @Test
  void theSidecarNextToTheFileIsGivenToTheInspector() throws Exception {
    Path file = FakeInspector.model(tmp.resolve("in"), "model.onnx", "a");
    Files.writeString(file.resolveSibling("model.json"), "{\"features\":[\"a\"]}");
    reg.registerFile(file, "iris", "");
    assertThat(fx.inspector.lastSidecar).isNotNull();
    reg.registerFile(FakeInspector.model(tmp.resolve("in2"), "x.onnx", "b"), "iris", "");
    assertThat(fx.inspector.lastSidecar).isNull();
  }

  @Test
  void aFileTheInspectorRefusesIsNotRegisteredAndNothingIsStored() throws Exception {
    Path pickle =
        Files.write(tmp.resolve("model.onnx"), new byte[] {(byte) 0x80, 4, (byte) 0x95, 0});
    assertThatThrownBy(() -> reg.registerFile(pickle, "iris", ""))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining(pickle.toString())
        .hasMessageContaining("not an ONNX model");
    assertThat(reg.models()).isEmpty();
    try (var s = Files.walk(fx.ws.dir().resolve("store").resolve("objects"))) {
      assertThat(s.filter(Files::isRegularFile)).isEmpty();
    }
    try (var s = Files.list(fx.ws.dir().resolve("store").resolve("tmp"))) {
      assertThat(s).as("temporary copies are removed").isEmpty();
    }
    assertThatThrownBy(() -> reg.registerFile(tmp.resolve("missing.onnx"), "iris", ""))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> reg.registerFile(pickle, " bad", ""))
        .hasMessageContaining("not a valid model name");
  }

  @Test
  void versionNumbersAreNeverReusedAfterDeletion() throws Exception {
    register("a");
    register("b");
    ModelVersion three = register("c");
    reg.deleteVersion("iris", 3, "wrong data");
    assertThat(reg.version("iris", 3).deleted()).isTrue();
    ModelVersion four = register("d");
    assertThat(four.version()).isEqualTo(4);
    assertThat(reg.versions("iris")).extracting(ModelVersion::version).containsExactly(1, 2, 3, 4);
    assertThat(reg.resolve("iris", "latest")).contains(four);
    reg.deleteVersion("iris", 4, "also wrong");
    assertThat(reg.resolve("iris", "latest")).map(ModelVersion::version).contains(2);
    assertThat(register("e").version()).isEqualTo(5);
    assertThat(reg.model("iris").latestVersion()).isEqualTo(5);
    assertThat(fx.ws.artifacts().contains(three.sha256())).as("history keeps the file").isTrue();
    assertThatThrownBy(() -> reg.deleteVersion("iris", 3, "again"))
        .hasMessageContaining("already deleted");
    assertThatThrownBy(() -> reg.deleteVersion("iris", 2, " "))
        .hasMessageContaining("reason is required");
  }

  @Test
  void aVersionHoldingAnAliasCannotBeDeletedNorTargeted() throws Exception {
    register("a");
    register("b");
    reg.moveAlias("iris", "champion", 1, "first", "");
    assertThatThrownBy(() -> reg.deleteVersion("iris", 1, "x"))
        .hasMessageContaining("holds the alias(es) champion");
    reg.deleteVersion("iris", 2, "bad");
    assertThatThrownBy(() -> reg.moveAlias("iris", "champion", 2, "go", ""))
        .hasMessageContaining("iris:2 is deleted");
  }

  @Test
  void versionsAreImmutableButTheirDescriptionCardAndTagsChange() throws Exception {
    ModelVersion v1 = register("a");
    ModelVersion again =
        reg.registerFile(fx.ws.artifacts().pathOf(v1.sha256()), "iris", "same bytes");
    assertThat(again.version()).isEqualTo(2);
    assertThat(again.sha256()).isEqualTo(v1.sha256());
    Path stored = fx.ws.artifacts().pathOf(v1.sha256());
    if (stored.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // (Files.isWritable is true for root whatever the mode, so look at the mode itself)
      assertThat(Files.getPosixFilePermissions(stored))
          .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    reg.setDescription("iris", 1, "better text");
    reg.setCard("iris", 1, new ModelCard("triage", "not for children", "notes"));
    reg.setTag("iris", 1, "team", "ml");
    reg.setTag("iris", 1, "gone", "x");
    reg.setTag("iris", 1, "gone", null);
    ModelVersion after = reg.version("iris", 1);
    assertThat(after.sha256()).isEqualTo(v1.sha256());
    assertThat(after.signature()).isEqualTo(v1.signature());
    assertThat(after.created()).isEqualTo(v1.created());
    assertThat(after.description()).isEqualTo("better text");
    assertThat(after.card().limitations()).isEqualTo("not for children");
    assertThat(after.tags()).isEqualTo(Map.of("team", "ml"));
    assertThatThrownBy(() -> reg.version("iris", 9))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("no version 9");
  }

  @Test
  void aliasNamesFollowTheRules() throws Exception {
    register("a");
    for (String bad : List.of("latest", "LATEST", "v3", "V12")) {
      assertThatThrownBy(() -> reg.moveAlias("iris", bad, 1, "r", ""))
          .hasMessageContaining("reserved");
    }
    for (String bad : List.of("", "cham pion", "a/b", "é")) {
      assertThatThrownBy(() -> reg.moveAlias("iris", bad, 1, "r", ""))
          .hasMessageContaining("is not a valid alias")
          .satisfies(e -> assertThat(((FlightdeckException) e).hint()).contains("letters, digits"));
    }
    assertThatThrownBy(() -> reg.moveAlias("iris", "champion", 1, "  ", ""))
        .hasMessageContaining("reason is required");
    assertThatThrownBy(() -> reg.moveAlias("iris", "champion", 7, "r", ""))
        .hasMessageContaining("no version 7");
    assertThat(reg.moveAlias("iris", "v3x", 1, "ok", "").toVersion()).isEqualTo(1);
  }

  @Test
  void movesRollbacksHistoryAndHolderAtInstants() throws Exception {
    register("a");
    register("b");
    register("c");
    Instant beforeAny = fx.now();
    fx.advance(Duration.ofHours(1));
    AliasMove m1 = reg.moveAlias("iris", "champion", 1, "first model", "");
    Instant t1 = fx.now();
    fx.advance(Duration.ofHours(1));
    EvaluationResult ev = reg.saveEvaluation(eval(2, 0.93));
    AliasMove m2 = reg.moveAlias("iris", "champion", 2, "better f1", "evaluation:" + ev.id());
    Instant t2 = fx.now();
    assertThatThrownBy(() -> reg.moveAlias("iris", "champion", 2, "again", ""))
        .hasMessageContaining("iris:2 already holds the alias 'champion'");
    fx.advance(Duration.ofHours(1));
    fx.user.set("bo");
    AliasMove back = reg.rollback("iris", "champion", "latency regression");
    Instant t3 = fx.now();

    assertThat(m1.fromVersion()).isNull();
    assertThat(m2.fromVersion()).isEqualTo(1);
    assertThat(m2.evidence()).isEqualTo("evaluation:" + ev.id());
    assertThat(back.fromVersion()).isEqualTo(2);
    assertThat(back.toVersion()).isEqualTo(1);
    assertThat(back.rollback()).isTrue();
    assertThat(back.who()).isEqualTo("bo");
    assertThat(back.evidence()).isEqualTo("move:" + m2.id());
    assertThat(reg.aliases("iris")).isEqualTo(Map.of("champion", 1));
    assertThat(reg.resolve("iris", "champion")).map(ModelVersion::version).contains(1);
    assertThat(reg.history("iris", "champion"))
        .extracting(AliasMove::toVersion, AliasMove::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "first model"),
            org.assertj.core.groups.Tuple.tuple(2, "better f1"),
            org.assertj.core.groups.Tuple.tuple(1, "latency regression"));

    assertThat(reg.holderAt("iris", "champion", beforeAny)).isEmpty();
    assertThat(reg.holderAt("iris", "champion", t1)).contains(1);
    assertThat(reg.holderAt("iris", "champion", t1.plusSeconds(1800))).contains(1);
    assertThat(reg.holderAt("iris", "champion", t2)).contains(2);
    assertThat(reg.holderAt("iris", "champion", t3.minusMillis(1))).contains(2);
    assertThat(reg.holderAt("iris", "champion", t3)).contains(1);
    assertThat(reg.holderAt("iris", "challenger", t3)).isEmpty();

    reg.moveAlias("iris", "challenger", 3, "try", "");
    assertThat(reg.history("iris", null)).hasSize(4);
    assertThatThrownBy(() -> reg.rollback("iris", "challenger", "no"))
        .hasMessageContaining("had no holder before version 3");
    assertThatThrownBy(() -> reg.rollback("iris", "staging", "no"))
        .hasMessageContaining("never been set");
    assertThatThrownBy(() -> reg.moveAlias("iris", "champion", 3, "r", "evaluation:999"))
        .hasMessageContaining("names no evaluation");
  }

  @Test
  void previewShowsTheChangeAndTheEvidence() throws Exception {
    register("a");
    register("b");
    reg.moveAlias("iris", "champion", 1, "first", "");
    reg.saveEvaluation(eval(1, 0.80));
    EvaluationResult newer = reg.saveEvaluation(eval(2, 0.90));
    reg.protect("iris", Set.of("champion"));
    AliasChange c = reg.preview("iris", "champion", 2);
    assertThat(c.fromVersion()).isEqualTo(1);
    assertThat(c.toVersion()).isEqualTo(2);
    assertThat(c.protectedAlias()).isTrue();
    assertThat(c.openApproval()).isEmpty();
    assertThat(c.fromEvaluation())
        .map(EvaluationResult::metrics)
        .contains(Map.of("accuracy", 0.80));
    assertThat(c.toEvaluation()).contains(newer);
    assertThat(reg.evaluations("iris", 2)).containsExactly(newer);
  }

  @Test
  void aProtectedAliasNeedsAnApprovalThatIsUsedOnce() throws Exception {
    register("a");
    register("b");
    register("c");
    reg.moveAlias("iris", "champion", 1, "first", "");
    reg.protect("iris", Set.of("champion"));
    assertThat(reg.model("iris").protectedAliases()).containsExactly("champion");
    assertThatThrownBy(() -> reg.moveAlias("iris", "champion", 2, "better", ""))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("protected")
        .hasMessageContaining("needs an approval")
        .satisfies(e -> assertThat(((FlightdeckException) e).hint()).contains("approval"));

    fx.user.set("lead");
    Approval a = reg.approve("iris", "champion", 2, "ana", "reviewed the evaluation");
    assertThat(a.approver()).isEqualTo("lead");
    assertThat(reg.preview("iris", "champion", 2).openApproval()).contains(a);
    assertThatThrownBy(() -> reg.moveAlias("iris", "champion", 3, "other", ""))
        .as("the approval is for version 2 only")
        .hasMessageContaining("needs an approval");
    fx.user.set("ana");
    AliasMove m = reg.moveAlias("iris", "champion", 2, "better", "");
    assertThat(m.approvedBy()).isEqualTo("lead");
    assertThat(reg.preview("iris", "champion", 2).openApproval()).isEmpty();

    AliasMove back = reg.rollback("iris", "champion", "restore");
    assertThat(back.toVersion()).as("rollback restores an approved state").isEqualTo(1);
    assertThatThrownBy(() -> reg.moveAlias("iris", "champion", 2, "again", ""))
        .as("the approval was used up")
        .hasMessageContaining("needs an approval");
    assertThatThrownBy(() -> reg.approve("iris", "challenger", 2, "ana", "x"))
        .hasMessageContaining("not protected");
  }

  @Test
  void twoMovesRacingForOneApprovalUseItOnce() throws Exception {
    register("a");
    register("b");
    reg.moveAlias("iris", "champion", 1, "first", "");
    reg.protect("iris", Set.of("champion"));
    fx.user.set("lead");
    reg.approve("iris", "champion", 2, "ana", "ok");
    fx.user.set("ana");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<AliasMove>> tries = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        tries.add(
            pool.submit(
                () -> {
                  start.await();
                  return reg.moveAlias("iris", "champion", 2, "race", "");
                }));
      }
      start.countDown();
      int ok = 0;
      for (var f : tries) {
        try {
          f.get();
          ok++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(FlightdeckException.class);
        }
      }
      assertThat(ok).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(reg.history("iris", "champion")).hasSize(2);
  }

  @Test
  void aSharedWorkspaceNeedsASecondPerson() throws Exception {
    register("a");
    register("b");
    reg.moveAlias("iris", "champion", 1, "first", "");
    reg.protect("iris", Set.of("champion"));
    fx.ws.setSharedRegistry(true);
    assertThatThrownBy(() -> reg.approve("iris", "champion", 2, "ana", "mine"))
        .hasMessageContaining("another person than the requester (ana)");
    assertThatThrownBy(() -> reg.approve("iris", "champion", 2, "ANA", "mine"))
        .hasMessageContaining("another person");

    fx.user.set("bo");
    Approval a = reg.approve("iris", "champion", 2, "ana", "looks right");
    assertThatThrownBy(() -> reg.moveAlias("iris", "champion", 2, "self-approved", ""))
        .as("the approver cannot use their own approval")
        .hasMessageContaining("from someone other than bo");
    fx.user.set("ana");
    assertThat(reg.moveAlias("iris", "champion", 2, "approved by bo", "").approvedBy())
        .isEqualTo(a.approver());

    fx.ws.setSharedRegistry(false);
    fx.user.set("ana");
    reg.approve("iris", "champion", 1, "ana", "alone is fine in a personal workspace");
    assertThat(reg.moveAlias("iris", "champion", 1, "back", "").approvedBy()).isEqualTo("ana");
  }

  @Test
  void everyChangeIsAudited() throws Exception {
    register("a");
    register("b");
    reg.moveAlias("iris", "champion", 1, "first", "");
    reg.moveAlias("iris", "champion", 2, "second", "");
    reg.rollback("iris", "champion", "undo");
    reg.protect("iris", Set.of("champion"));
    fx.user.set("lead");
    reg.approve("iris", "champion", 2, "ana", "ok");
    reg.setCard("iris", 1, ModelCard.EMPTY);
    reg.setDescription("iris", 1, "d");
    reg.setTag("iris", 1, "k", "v");
    reg.saveEvaluation(eval(1, 0.5));
    reg.deleteVersion("iris", 2, "bad");
    List<String> actions =
        fx.ws.audit().list(AuditQuery.all()).stream().map(AuditEntry::action).toList();
    assertThat(actions)
        .contains(
            "model.registered",
            "model.alias.moved",
            "model.alias.rollback",
            "model.protect",
            "model.approval",
            "model.card",
            "model.description",
            "model.tag",
            "model.evaluated",
            "model.version.deleted");
    AuditEntry moved =
        fx.ws.audit().list(AuditQuery.all()).stream()
            .filter(e -> e.action().equals("model.alias.moved"))
            .findFirst()
            .orElseThrow();
    assertThat(moved.objectId()).isEqualTo("iris");
    assertThat(moved.detailsJson()).contains("\"reason\":\"second\"").contains("\"to\":2");
    assertThat(fx.ws.audit().verify().valid()).isTrue();
  }

  @Test
  void withoutAnInspectorRegisteringIsRefused() throws Exception {
    fx.close();
    try (var plain =
        io.flightdeck.store.LocalWorkspace.open(tmp.resolve("ws"), fx.clock, () -> "x")) {
      Path file = FakeInspector.model(tmp.resolve("in"), "model.onnx", "a");
      assertThatThrownBy(() -> plain.registry().registerFile(file, "iris", ""))
          .hasMessageContaining("model inspection is not available");
      plain.useInspector(new FakeInspector());
      assertThat(plain.registry().registerFile(file, "iris", "").version()).isEqualTo(1);
    }
    fx = new RegistryFixture(tmp.resolve("ws"));
  }

  private EvaluationResult eval(int version, double accuracy) {
    return new EvaluationResult(
        0,
        "iris",
        version,
        "iris-data:1",
        "ab".repeat(32),
        "classification",
        Map.of("accuracy", accuracy),
        "{}",
        "",
        null);
  }
}
