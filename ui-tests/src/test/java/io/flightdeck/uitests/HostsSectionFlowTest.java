package io.flightdeck.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.controllers.hosts.DialogCredentials;
import io.flightdeck.controllers.hosts.HostsController;
import io.flightdeck.controllers.task.ExecutorTaskRunner;
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
import io.flightdeck.views.hosts.HostRow;
import io.flightdeck.views.hosts.HostsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Hosts section on its own (view, controller, real task runner and HostService), with the SSH
 * side scripted: add with an unknown key, a changed key, an unreachable host, test, remove, the ssh
 * config import and the password dialog. The same flows against real sshd servers belong in a test
 * of the wired window.
 */
@ExtendWith(ApplicationExtension.class)
class HostsSectionFlowTest {
  @TempDir static Path home;
  private final Ops ops = new Ops();
  private final Map<String, HostConfig> stored = new ConcurrentHashMap<>();
  private final List<String> audit = new CopyOnWriteArrayList<>();
  private final ExecutorTaskRunner tasks = new ExecutorTaskRunner(2);
  private RecordingErrorPresenter errors;
  private HostsView view;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(
        home.resolve(".ssh/config"),
        "Host lab\n  HostName lab.example\n  Port 2200\n  User bob\n  IdentityFile ~/.ssh/lab\n");
    errors = new RecordingErrorPresenter(stage);
    view = new HostsView();
    HostService hosts = new HostService(new Repo(), new Audit(), Clock.systemUTC());
    HostsController controller =
        new HostsController(
            view,
            hosts,
            ops,
            tasks,
            errors,
            new ScriptedFileDialogs(),
            m -> {},
            () -> stage,
            home,
            "ana");
    Scene scene = new Scene((javafx.scene.Parent) view.root(), 1000, 600);
    scene
        .getStylesheets()
        .setAll(
            io.flightdeck.views.shell.Theme.baseStylesheetUrl(),
            io.flightdeck.views.shell.Theme.LIGHT.stylesheetUrl());
    stage.setScene(scene);
    stage.show();
    controller.refresh();
  }

  @AfterEach
  void stop() {
    tasks.close();
  }

  private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static boolean shown(FxRobot robot, String id) {
    return robot.lookup(id).tryQuery().filter(Node::isVisible).isPresent();
  }

  private void addHost(FxRobot robot, String name, String hostname) throws TimeoutException {
    robot.clickOn("#addHostButton");
    waitUntil(() -> shown(robot, "#hostName"));
    Button ok = robot.lookup("#hostOk").queryButton();
    assertThat(ok.isDisabled()).as("OK while nothing is typed").isTrue();
    robot.clickOn("#hostName").write(name);
    robot.clickOn("#hostHostname").write(hostname);
    waitUntil(() -> !ok.isDisabled());
    robot.clickOn(ok);
  }

  /** Writes a PNG of the window holding {@code node} to ui-tests/target/screenshots/NAME.png. */
  private static void screenshot(FxRobot robot, Node node, String name) throws Exception {
    Path out = Path.of("target/screenshots").resolve(name + ".png");
    Files.createDirectories(out.getParent());
    javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
    robot.interact(() -> image[0] = node.getScene().snapshot(null));
    javax.imageio.ImageIO.write(
        javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null), "png", out.toFile());
  }

  private List<String> names() {
    return view.rows().stream().map(HostRow::name).toList();
  }

  @Test
  void anUnknownKeyIsShownAndTheHostSavedOnlyAfterTheUserTrustsIt(FxRobot robot) throws Exception {
    ops.offer = Optional.of(ops.unknown);
    addHost(robot, "gpu1", "gpu1.lab");
    waitUntil(() -> shown(robot, "#hostKeyFingerprint"));
    TextField fp = robot.lookup("#hostKeyFingerprint").queryAs(TextField.class);
    assertThat(fp.getText()).isEqualTo("SHA256:abcdef");
    assertThat(fp.isEditable()).isFalse();
    assertThat(stored).isEmpty();
    screenshot(robot, fp, "hosts-unknown-key");
    robot.clickOn("#acceptHostKey");
    waitUntil(() -> names().contains("gpu1"));
    assertThat(ops.accepted).containsExactly("gpu1.lab");
    assertThat(audit).containsExactly("host.added");
    assertThat(view.rows().get(0).address()).isEqualTo("ana@gpu1.lab:22");

    robot.interact(() -> view.table().getSelectionModel().select(0));
    ops.offer = Optional.empty();
    robot.clickOn("#testHostButton");
    TextArea details = robot.lookup("#hostDetails").queryAs(TextArea.class);
    waitUntil(() -> details.getText().contains("Agent status:"));
    assertThat(details.getText()).contains("OS: Linux 6.1").contains("not installed");
    assertThat(view.rows().get(0).status()).startsWith("reachable (7 ms)");
    screenshot(robot, details, "hosts-tested");

    robot.interact(
        () -> {
          view.table().requestFocus();
          view.table().getSelectionModel().select(0);
        });
    robot.type(KeyCode.ENTER);
    waitUntil(() -> shown(robot, "#hostName"));
    assertThat(robot.lookup("#hostName").queryAs(TextField.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#hostHostname").queryAs(TextField.class).getText())
        .isEqualTo("gpu1.lab");
    robot.clickOn("#hostCancel");
    robot.interact(() -> view.table().requestFocus());
    robot.type(KeyCode.DELETE);
    waitUntil(() -> shown(robot, "#confirmRemoveHost"));
    robot.clickOn("#confirmRemoveHost");
    waitUntil(() -> names().isEmpty());
    assertThat(errors.shown).isEmpty();
  }

  @Test
  void aChangedKeyIsRefusedWithOnlyAClose(FxRobot robot) throws Exception {
    ops.offer = Optional.of(ops.changed);
    addHost(robot, "gpu2", "gpu2.lab");
    waitUntil(() -> shown(robot, "#closeHostKeyChanged"));
    assertThat(robot.lookup("#host-key-changed .button").queryAll()).hasSize(1);
    robot.clickOn("#closeHostKeyChanged");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stored).isEmpty();
    assertThat(ops.accepted).isEmpty();
  }

  @Test
  void anUnreachableHostCanBeSavedAnyway(FxRobot robot) throws Exception {
    ops.unreachable = true;
    addHost(robot, "laptop-vm", "vm.local");
    waitUntil(() -> shown(robot, "#saveHostAnyway"));
    robot.clickOn("#saveHostAnyway");
    waitUntil(() -> names().contains("laptop-vm"));
  }

  @Test
  void theSshConfigImportFillsTheDialog(FxRobot robot) throws Exception {
    robot.clickOn("#addHostButton");
    waitUntil(() -> !robot.lookup("#importSshConfig").queryAs(MenuButton.class).isDisabled());
    robot.interact(
        () -> robot.lookup("#importSshConfig").queryAs(MenuButton.class).getItems().get(0).fire());
    assertThat(robot.lookup("#hostHostname").queryAs(TextField.class).getText())
        .isEqualTo("lab.example");
    assertThat(robot.lookup("#hostPort").queryAs(TextField.class).getText()).isEqualTo("2200");
    assertThat(robot.lookup("#hostUser").queryAs(TextField.class).getText()).isEqualTo("bob");
    assertThat(robot.lookup("#hostKeyFile").queryAs(TextField.class).getText())
        .isEqualTo("~/.ssh/lab");
    robot.interact(() -> robot.lookup("#hostPort").queryAs(TextField.class).setText("x"));
    screenshot(robot, robot.lookup("#hostPort").query(), "hosts-add-dialog");
    assertThat(robot.lookup("#hostOk").queryButton().isDisabled()).isTrue();
    assertThat(robot.lookup("#hostProblem").queryLabeled().getText()).contains("Port 'x'");
    robot.clickOn("#hostCancel");
  }

  @Test
  void thePasswordDialogAnswersABackgroundThread(FxRobot robot) throws Exception {
    DialogCredentials credentials = new DialogCredentials(() -> stage);
    HostConfig h = HostConfig.of("gpu1", "gpu1.lab", "ana");
    CompletableFuture<char[]> answer =
        CompletableFuture.supplyAsync(() -> credentials.password(h, 2));
    waitUntil(() -> shown(robot, "#hostSecret"));
    assertThat(robot.lookup("#secretProblem").queryLabeled().getText()).contains("try again");
    robot.clickOn("#hostSecret").write("pw");
    robot.clickOn("#secretOk");
    assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly('p', 'w');
  }

  private final class Ops implements HostOperations {
    final KeyOffer unknown =
        new KeyOffer("gpu1.lab", 22, "ssh-ed25519", "SHA256:abcdef", false, "unknown", null);
    final KeyOffer changed =
        new KeyOffer(
            "gpu2.lab", 22, "ssh-ed25519", "SHA256:zzz", true, "The host key CHANGED.", null);
    final List<String> accepted = new CopyOnWriteArrayList<>();
    volatile Optional<KeyOffer> offer = Optional.empty();
    volatile boolean unreachable;

    @Override
    public Optional<KeyOffer> offeredKey(HostConfig host) {
      if (unreachable) {
        throw new FlightdeckException("Cannot reach " + host.hostname() + ".", "Are you online?");
      }
      return offer;
    }

    @Override
    public void acceptKey(HostConfig host, KeyOffer o) {
      accepted.add(host.hostname());
    }

    @Override
    public HostFacts test(HostConfig host) {
      return new HostFacts(
          "Linux 6.1",
          "x86_64",
          4,
          8L << 30,
          4L << 30,
          9L << 30,
          "17.0.9",
          17,
          List.of(),
          "",
          "",
          7);
    }

    @Override
    public AgentStatus agentStatus(HostConfig host) {
      return new AgentStatus("", "", "c".repeat(64), "0.1.0", "");
    }

    @Override
    public AgentStatus installAgent(HostConfig host, Consumer<String> progress) {
      return agentStatus(host);
    }

    @Override
    public void uninstallAgent(HostConfig host, boolean purge) {}
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
