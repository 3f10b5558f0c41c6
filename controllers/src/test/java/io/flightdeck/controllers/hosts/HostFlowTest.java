package io.flightdeck.controllers.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.controllers.task.SyncTaskRunner;
import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.audit.ChainVerification;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.AgentStatus;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostFacts;
import io.flightdeck.core.hosts.HostOperations;
import io.flightdeck.core.hosts.HostRepository;
import io.flightdeck.core.hosts.HostService;
import io.flightdeck.core.hosts.KeyOffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The key-first save flow and the host actions, with the runner inline, the SSH side and the
 * dialogs replaced by scripted answers, and the real HostService over an in-memory repository.
 */
class HostFlowTest {
  private static final HostConfig GPU = HostConfig.of("gpu1", "gpu1.lab", "ana");
  private static final KeyOffer UNKNOWN =
      new KeyOffer("gpu1.lab", 22, "ssh-ed25519", "SHA256:abc", false, "unknown", null);
  private static final KeyOffer CHANGED =
      new KeyOffer("gpu1.lab", 22, "ssh-ed25519", "SHA256:new", true, "CHANGED!", null);

  private final List<String> calls = new ArrayList<>();
  private final List<String> audit = new ArrayList<>();
  private final Map<String, HostConfig> stored = new LinkedHashMap<>();
  private final Ops ops = new Ops();
  private final Prompts prompts = new Prompts();
  private final SyncTaskRunner tasks = new SyncTaskRunner();
  private final HostService hosts =
      new HostService(
          new Repo(),
          new Audit(),
          Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
  private final KeyGate gate = new KeyGate(ops, tasks, prompts);
  private final HostSaver saver = new HostSaver(hosts, gate, tasks, prompts);
  private final List<String> shown = new ArrayList<>();
  private final HostActions actions =
      new HostActions(
          ops,
          hosts,
          gate,
          tasks,
          prompts,
          new HostActions.Results() {
            @Override
            public void show(String host, String status, String details) {
              shown.add(host + " | " + status + " | " + details);
            }

            @Override
            public void changed() {
              shown.add("changed");
            }
          });
  private final List<String> refused = new ArrayList<>();

  private void save(HostConfig h, Optional<HostConfig> original) {
    saver.save(h, original, s -> calls.add("saved " + s.name()), refused::add);
  }

  @Test
  void anUnknownKeyIsTrustedAndTheHostSavedOnlyWhenTheUserAccepts() {
    ops.offer = Optional.of(UNKNOWN);
    prompts.trust = true;
    save(GPU, Optional.empty());
    assertThat(calls).containsExactly("offeredKey", "trust?", "acceptKey", "saved gpu1");
    assertThat(stored).containsKey("gpu1");
    assertThat(audit).containsExactly("host.added");
  }

  @Test
  void aDeclinedKeySavesNothing() {
    ops.offer = Optional.of(UNKNOWN);
    prompts.trust = false;
    save(GPU, Optional.empty());
    assertThat(calls).containsExactly("offeredKey", "trust?");
    assertThat(stored).isEmpty();
    assertThat(audit).isEmpty();
  }

  @Test
  void aChangedKeyIsRefusedWithoutAskingAndNothingIsSaved() {
    ops.offer = Optional.of(CHANGED);
    save(GPU, Optional.empty());
    assertThat(calls).containsExactly("offeredKey", "refused CHANGED!");
    assertThat(stored).isEmpty();
  }

  @Test
  void aTrustedKeySavesAtOnce() {
    save(GPU, Optional.empty());
    assertThat(calls).containsExactly("offeredKey", "saved gpu1");
  }

  @Test
  void anUnreachableHostIsSavedOnlyWhenTheUserSaysSo() {
    ops.unreachable = new FlightdeckException("Cannot reach gpu1.lab:22.", "Check the network.");
    prompts.unreachableChoice = "edit";
    save(GPU, Optional.empty());
    assertThat(stored).isEmpty();
    assertThat(refused).containsExactly("Cannot reach gpu1.lab:22. Check the network.");
    prompts.unreachableChoice = "save";
    save(GPU, Optional.empty());
    assertThat(stored).containsKey("gpu1");
    assertThat(calls).doesNotContain("acceptKey");
  }

  @Test
  void anEditChecksTheKeyOnlyWhenTheAddressChanges() {
    stored.put("gpu1", GPU);
    save(GPU.withMaxJobs(5), Optional.of(GPU));
    assertThat(calls).containsExactly("saved gpu1");
    assertThat(stored.get("gpu1").maxJobs()).isEqualTo(5);
    calls.clear();
    save(GPU.withPort(2222), Optional.of(GPU));
    assertThat(calls).containsExactly("offeredKey", "saved gpu1");
    assertThat(audit).containsExactly("host.updated", "host.updated");
  }

  @Test
  void aStoreRefusalReopensTheDialogWithTheReason() {
    stored.put("gpu1", GPU);
    save(GPU, Optional.empty());
    assertThat(refused).singleElement().asString().contains("exists already");
  }

  @Test
  void testShowsTheFactsAndTheAgentLineEvenWhenTheAgentCannotBeRead() {
    actions.test(GPU);
    assertThat(shown)
        .singleElement()
        .asString()
        .contains("gpu1 | reachable (42 ms), Java 17; not installed");
    ops.agentBroken = true;
    actions.test(GPU);
    assertThat(shown.get(1))
        .contains("OS: Linux")
        .contains("Agent status: could not be checked: No agent dir.");
  }

  @Test
  void aFailedTestIsShownInTheRowAndAsAnError() {
    ops.testError = new FlightdeckException("Login refused.", "Check the key.");
    actions.test(GPU);
    assertThat(shown)
        .containsExactly(
            "gpu1 | failed: Login refused. Check the key. | Login refused. Check the key.");
    assertThat(prompts.errors).containsExactly("Test the connection to gpu1");
  }

  @Test
  void installReportsItsStepsAndTheNewStatus() {
    actions.install(GPU);
    assertThat(shown)
        .singleElement()
        .asString()
        .contains("agent 0.2.0")
        .contains("Install steps:\nuploading 1 of 1 MB\nchecking SHA-256");
  }

  @Test
  void uninstallPassesTheJobDataChoice() {
    prompts.purge = true;
    actions.uninstall(GPU);
    assertThat(calls).containsExactly("uninstall purge=true");
    assertThat(shown).singleElement().asString().contains("with its job data");
  }

  @Test
  void removeAsksFirst() {
    stored.put("gpu1", GPU);
    prompts.confirm = false;
    actions.remove(GPU);
    assertThat(stored).containsKey("gpu1");
    prompts.confirm = true;
    actions.remove(GPU);
    assertThat(stored).isEmpty();
    assertThat(shown).containsExactly("changed");
  }

  private final class Ops implements HostOperations {
    Optional<KeyOffer> offer = Optional.empty();
    RuntimeException unreachable;
    RuntimeException testError;
    boolean agentBroken;

    @Override
    public Optional<KeyOffer> offeredKey(HostConfig host) {
      calls.add("offeredKey");
      if (unreachable != null) {
        throw unreachable;
      }
      return offer;
    }

    @Override
    public void acceptKey(HostConfig host, KeyOffer o) {
      calls.add("acceptKey");
    }

    @Override
    public HostFacts test(HostConfig host) {
      if (testError != null) {
        throw testError;
      }
      return new HostFacts(
          "Linux 6.1",
          "x86_64",
          4,
          8L << 30,
          4L << 30,
          50L << 30,
          "17.0.9",
          17,
          List.of(),
          "",
          "",
          42);
    }

    @Override
    public AgentStatus agentStatus(HostConfig host) {
      if (agentBroken) {
        throw new FlightdeckException("No agent dir.", "");
      }
      return new AgentStatus("", "", "b".repeat(64), "0.2.0", "");
    }

    @Override
    public AgentStatus installAgent(HostConfig host, Consumer<String> progress) {
      progress.accept("uploading 1 of 1 MB");
      progress.accept("checking SHA-256");
      return new AgentStatus("b".repeat(64), "0.2.0", "b".repeat(64), "0.2.0", "/opt/a.jar");
    }

    @Override
    public void uninstallAgent(HostConfig host, boolean purge) {
      calls.add("uninstall purge=" + purge);
    }
  }

  private final class Prompts implements HostPrompts {
    boolean trust;
    String unreachableChoice = "cancel";
    boolean confirm = true;
    boolean purge;
    final List<String> errors = new ArrayList<>();

    @Override
    public void trustKey(HostConfig host, KeyOffer offer, Runnable onAccept, Runnable onReject) {
      calls.add("trust?");
      (trust ? onAccept : onReject).run();
    }

    @Override
    public void refuseChangedKey(HostConfig host, KeyOffer offer) {
      calls.add("refused " + offer.message());
    }

    @Override
    public void unreachable(HostConfig host, Throwable error, Runnable save, Runnable edit) {
      switch (unreachableChoice) {
        case "save" -> save.run();
        case "edit" -> edit.run();
        default -> {}
      }
    }

    @Override
    public void confirmRemove(HostConfig host, Runnable onRemove) {
      if (confirm) {
        onRemove.run();
      }
    }

    @Override
    public void confirmUninstall(HostConfig host, Consumer<Boolean> onUninstall) {
      onUninstall.accept(purge);
    }

    @Override
    public void error(String what, Throwable error) {
      errors.add(what);
    }
  }

  private final class Repo implements HostRepository {
    @Override
    public List<HostConfig> list() {
      return List.copyOf(stored.values());
    }

    @Override
    public Optional<HostConfig> find(String name) {
      return Optional.ofNullable(stored.get(name));
    }

    @Override
    public void save(HostConfig host) {
      stored.put(host.name(), host);
    }

    @Override
    public boolean delete(String name) {
      return stored.remove(name) != null;
    }
  }

  private final class Audit implements AuditLog {
    @Override
    public AuditEntry append(AuditEvent event) {
      audit.add(event.action());
      return null;
    }

    @Override
    public List<AuditEntry> list(AuditQuery query) {
      return List.of();
    }

    @Override
    public ChainVerification verify() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long count() {
      return audit.size();
    }
  }
}
