package io.flightdeck.uitests;

import static io.flightdeck.uitests.WindowFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.app.jobs.RemoteHosts;
import io.flightdeck.controllers.jobs.JobsController;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.runners.ssh.Sshd;
import io.flightdeck.store.LocalWorkspace;
import io.flightdeck.views.hosts.AuthChoice;
import io.flightdeck.views.hosts.HostRow;
import io.flightdeck.views.hosts.HostsView;
import io.flightdeck.views.jobs.JobRow;
import io.flightdeck.views.jobs.JobsView;
import io.flightdeck.views.jobs.TrainDialogView;
import io.flightdeck.views.runs.KeyValueRow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
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
 * The Hosts section of the wired window against real OpenSSH servers on 127.0.0.1 ({@link Sshd}): a
 * host added only after its key's fingerprint is accepted, tested, given the agent, trained on and
 * sent a command with uploaded files from the Train dialog, then refused once its key changed; the
 * Add dialog's checks, an unreachable host saved anyway and removed on confirmation; a rejected key
 * that stores nothing and a key passphrase asked in a dialog.
 */
@ExtendWith(ApplicationExtension.class)
class HostsFlowTest {
  @TempDir static Path tmp;
  private WindowFixture fx;

  @Start
  void start(Stage stage) throws Exception {
    Path ws = Files.createTempDirectory(tmp, "ws");
    try (LocalWorkspace w = LocalWorkspace.open(ws, Clock.systemUTC(), () -> "tester")) {
      w.datasets().loadSample(ImportProgress.NONE);
    }
    fx = new WindowFixture(stage, ws, true);
  }

  @AfterEach
  void tearDown() {
    fx.shutdown();
  }

  @Test
  void aHostIsAddedByFingerprintTestedGivenTheAgentAndRunsJobsUntilItsKeyChanges(FxRobot robot)
      throws Exception {
    Path agentJar = Path.of(System.getProperty(RemoteHosts.AGENT_JAR_PROPERTY, ""));
    assertThat(agentJar)
        .as("the agent jar (build remote-agents first: mvn -pl remote-agents package)")
        .isRegularFile();
    try (Sshd sshd = Sshd.start(tmp.resolve("sshd-box"))) {
      HostsView view = openHosts(robot);
      assertThat(view.rows()).isEmpty();

      // the unknown key is shown by its fingerprint; nothing is stored before Accept
      addHost(robot, "box", sshd.port(), sshd.clientKey());
      waitUntil(() -> shown(robot, "#hostKeyFingerprint"));
      TextField fingerprint = robot.lookup("#hostKeyFingerprint").queryAs(TextField.class);
      assertThat(fingerprint.getText()).isEqualTo(sshd.fingerprint());
      assertThat(fingerprint.isEditable()).isFalse();
      assertThat(workspace().hosts().list()).isEmpty();
      robot.clickOn("#acceptHostKey");
      waitUntil(() -> names(view).contains("box"));
      assertThat(row(view, "box").address()).isEqualTo(Sshd.user() + "@127.0.0.1:" + sshd.port());
      assertThat(Files.readString(fx.workspace.resolve("ssh").resolve("known_hosts")))
          .contains("[127.0.0.1]:" + sshd.port());

      // Test Connection logs in and shows what the host has
      select(robot, view, "box");
      robot.clickOn("#testHostButton");
      TextArea details = robot.lookup("#hostDetails").queryAs(TextArea.class);
      waitLong(() -> details.getText().contains("Agent status:"));
      assertThat(details.getText())
          .contains("OS: Linux")
          .contains("Java: ")
          .contains("Agent: not installed");
      assertThat(row(view, "box").status()).startsWith("reachable (").contains("not installed");

      // Install Agent copies the shipped jar; a second test sees it current
      robot.clickOn("#installAgentButton");
      waitLong(() -> details.getText().contains("Install steps:"));
      assertThat(details.getText()).contains("Agent status: agent ").contains(", current");
      assertThat(row(view, "box").status()).endsWith(", current");
      robot.clickOn("#testHostButton");
      waitLong(() -> details.getText().contains("Probe took:"));
      assertThat(details.getText())
          .doesNotContain("Agent: not installed")
          .contains("Agent status: agent ")
          .contains(", current");
      fx.screenshot(robot, "hosts");

      // Train... on the host: the run is tracked here and names the host
      JobsView jobs = openJobs(robot);
      TrainDialogView train = openTrain(robot, "#jobs-train");
      waitUntil(() -> train.host().getItems().equals(List.of("local", "box")));
      assertThat(train.host().getValue()).isEqualTo("local");
      robot.interact(() -> train.dataset().setValue("seattle-weather:1"));
      waitUntil(() -> train.target().getItems().contains("weather"));
      robot.interact(
          () -> {
            train.target().setValue("weather");
            train.param("epochs").setText("3");
            train.host().setValue("box");
          });
      robot.interact(train::confirm);
      waitLong(() -> job(jobs, "SUCCEEDED") != null);
      JobRow trained = job(jobs, "SUCCEEDED");
      assertThat(trained.host()).isEqualTo("box");
      TrackingRepository repo = workspace().tracking().repository();
      assertThat(repo.run(trained.runId()).orElseThrow().host()).isEqualTo("box");
      assertThat(repo.metricHistory(trained.runId(), "train/loss")).hasSize(3);
      // how the host was prepared reached the window (status bar and notifications)
      assertThat(fx.window.view().lastNotification())
          .matches("uploaded dataset .*|agent .* is current on box");
      robot.interact(() -> jobs.table().getSelectionModel().select(trained));
      robot.clickOn("#jobs-open-run");
      waitUntil(
          () ->
              fx.window.runsView().detail().info().contains(new KeyValueRow("Host", "box"))
                  && fx.window.runsView().rows().stream()
                      .anyMatch(r -> r.runId().equals(trained.runId()) && r.host().equals("box")));

      // Run Command... on the host with files chosen from the working folder
      Path work = Files.createDirectories(tmp.resolve("work"));
      Files.writeString(
          work.resolve("job.sh"),
          "mkdir -p out; echo '##flightdeck metric acc 0.9 1'; cat data/in.txt > out/hello.txt\n");
      Files.createDirectories(work.resolve("data"));
      Files.writeString(work.resolve("data").resolve("in.txt"), "uploaded\n");
      Files.writeString(work.resolve(".secret"), "not offered\n");
      openJobs(robot);
      TrainDialogView command = openTrain(robot, "#jobs-run-command");
      waitUntil(() -> command.host().getItems().contains("box"));
      assertThat(command.uploads().list().isDisabled()).isTrue();
      robot.interact(
          () -> {
            command.workdirField().setText(work.toString());
            command.host().setValue("box");
          });
      waitUntil(() -> command.uploads().list().getItems().contains("job.sh"));
      assertThat(command.uploads().list().getItems())
          .containsExactly("data/in.txt", "job.sh")
          .doesNotContain(".secret");
      assertThat(command.uploads().note()).contains("copied to a new folder on box");
      robot.interact(
          () -> {
            command.uploads().list().getSelectionModel().selectAll();
            command.commandLineField().setText("sh job.sh");
          });
      setText(robot, "#train-output", "out");
      dialogShot(robot, "#train-dialog", "train-dialog-remote");
      robot.interact(command::confirm);
      waitLong(
          () ->
              WindowFixture.onFx(
                      () -> jobs.rows().stream().filter(r -> r.state().equals("SUCCEEDED")).count())
                  == 2);
      JobRow ran =
          WindowFixture.onFx(
              () ->
                  jobs.rows().stream()
                      .filter(r -> r.kind().equals("command") && r.state().equals("SUCCEEDED"))
                      .findFirst()
                      .orElseThrow());
      assertThat(ran.host()).isEqualTo("box");
      assertThat(repo.metricHistory(ran.runId(), "acc")).hasSize(1);
      // the script read the uploaded data file: its copy came back as the artifact
      assertThat(repo.artifacts(ran.runId()))
          .extracting(RunArtifact::path, RunArtifact::size)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("hello.txt", 9L));

      // a changed key: Test Connection warns, logs nothing in, and jobs are refused too
      long logins = logins(sshd);
      sshd.changeHostKey();
      openHosts(robot);
      select(robot, view, "box");
      robot.clickOn("#testHostButton");
      waitLong(() -> shown(robot, "#closeHostKeyChanged"));
      assertThat(robot.lookup("#host-key-changed .button").queryAll()).hasSize(1);
      assertThat(robot.lookup("#hostKeyChangedDetails").queryAs(TextArea.class).getText())
          .contains(sshd.fingerprint());
      robot.clickOn("#closeHostKeyChanged");
      waitUntil(() -> row(view, "box").status().contains("not trusted"));
      assertThat(logins(sshd)).isEqualTo(logins);
      int runs = repo.runRows(null).size();
      openJobs(robot);
      JobsController controller = fx.window.jobs().orElseThrow();
      TrainDialogView refused = openTrain(robot, "#jobs-train");
      waitUntil(() -> refused.host().getItems().contains("box"));
      robot.interact(() -> refused.dataset().setValue("seattle-weather:1"));
      waitUntil(() -> refused.target().getItems().contains("weather"));
      robot.interact(
          () -> {
            refused.target().setValue("weather");
            refused.host().setValue("box");
            refused.confirm();
          });
      waitLong(() -> controller.lastDialog() != refused);
      waitUntil(() -> !robot.lookup("#train-problem").queryLabeled().getText().isEmpty());
      assertThat(robot.lookup("#train-problem").queryLabeled().getText()).contains("CHANGED");
      assertThat(controller.lastDialog().host().getValue()).isEqualTo("box");
      robot.clickOn(robot.lookup("#train-dialog .button").match(cancelButton()).queryButton());
      assertThat(repo.runRows(null)).hasSize(runs);
      assertThat(logins(sshd)).isEqualTo(logins);
      assertThat(fx.errors.shown).isEmpty();
    }
  }

  @Test
  void theAddDialogChecksItsFieldsAndAnUnreachableHostIsSavedAnywayThenRemoved(FxRobot robot)
      throws Exception {
    HostsView view = openHosts(robot);
    int closed = closedPort();
    robot.clickOn("#addHostButton");
    waitUntil(() -> shown(robot, "#hostName"));
    Button ok = robot.lookup("#hostOk").queryButton();
    assertThat(ok.isDisabled()).as("OK while nothing is typed").isTrue();
    robot.clickOn("#hostName").write("local");
    robot.clickOn("#hostHostname").write("127.0.0.1");
    waitUntil(() -> problem(robot).contains("'local' is the name of this machine"));
    assertThat(ok.isDisabled()).isTrue();
    setText(robot, "#hostName", "lab-vm");
    setText(robot, "#hostPort", "x");
    waitUntil(() -> problem(robot).contains("Port 'x' is not a whole number"));
    assertThat(ok.isDisabled()).isTrue();
    setText(robot, "#hostPort", Integer.toString(closed));
    waitUntil(() -> !ok.isDisabled());
    assertThat(problem(robot)).isEmpty();
    robot.clickOn(ok);

    waitLong(() -> shown(robot, "#saveHostAnyway"));
    assertThat(robot.lookup("#host-unreachable-text").queryLabeled().getText())
        .contains("connection refused");
    assertThat(workspace().hosts().list()).isEmpty();
    robot.clickOn("#saveHostAnyway");
    waitUntil(() -> names(view).contains("lab-vm"));
    assertThat(workspace().hosts().find("lab-vm")).isPresent();

    // Delete asks first: Cancel keeps the host, Remove removes it
    select(robot, view, "lab-vm");
    robot.interact(() -> view.table().requestFocus());
    robot.type(KeyCode.DELETE);
    waitUntil(() -> shown(robot, "#cancelRemoveHost"));
    robot.clickOn("#cancelRemoveHost");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(workspace().hosts().find("lab-vm")).isPresent();
    robot.interact(() -> view.table().requestFocus());
    robot.type(KeyCode.DELETE);
    waitUntil(() -> shown(robot, "#confirmRemoveHost"));
    robot.clickOn("#confirmRemoveHost");
    waitUntil(() -> names(view).isEmpty());
    assertThat(workspace().hosts().list()).isEmpty();
    assertThat(fx.errors.shown).isEmpty();
  }

  @Test
  void aRejectedKeyStoresNothingAndAKeyPassphraseIsAskedInADialog(FxRobot robot) throws Exception {
    try (Sshd sshd = Sshd.start(tmp.resolve("sshd-locked"))) {
      Path key = tmp.resolve("locked_ed25519");
      run("ssh-keygen", "-q", "-t", "ed25519", "-N", "open sesame", "-f", key.toString());
      Files.write(
          sshd.dir().resolve("authorized_keys"),
          Files.readAllBytes(Path.of(key + ".pub")),
          StandardOpenOption.APPEND);
      HostsView view = openHosts(robot);

      addHost(robot, "locked", sshd.port(), key);
      waitUntil(() -> shown(robot, "#rejectHostKey"));
      robot.clickOn("#rejectHostKey");
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(workspace().hosts().list()).isEmpty();
      assertThat(fx.workspace.resolve("ssh").resolve("known_hosts")).doesNotExist();

      addHost(robot, "locked", sshd.port(), key);
      waitUntil(() -> shown(robot, "#acceptHostKey"));
      robot.clickOn("#acceptHostKey");
      waitUntil(() -> names(view).contains("locked"));

      select(robot, view, "locked");
      robot.clickOn("#testHostButton");
      waitLong(() -> shown(robot, "#hostSecret"));
      assertThat(robot.lookup("#secretProblem").queryLabeled().getText()).isEmpty();
      robot.clickOn("#hostSecret").write("wrong");
      robot.clickOn("#secretOk");
      waitLong(
          () ->
              shown(robot, "#hostSecret")
                  && robot.lookup("#secretProblem").queryLabeled().getText().contains("Wrong"));
      robot.clickOn("#hostSecret").write("open sesame");
      robot.clickOn("#secretOk");
      TextArea details = robot.lookup("#hostDetails").queryAs(TextArea.class);
      waitLong(() -> details.getText().contains("Agent status:"));
      assertThat(details.getText()).contains("Java: ");
      assertThat(fx.errors.shown).isEmpty();
    }
  }

  private Workspace workspace() throws Exception {
    fx.waitForWorkspace();
    return fx.window.shell().workspace().orElseThrow();
  }

  private HostsView openHosts(FxRobot robot) throws Exception {
    workspace();
    waitUntil(() -> fx.window.hosts().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
    waitUntil(() -> "hosts".equals(fx.window.view().selectedSectionProperty().get()));
    return (HostsView) robot.lookup("#hosts-view").query().getProperties().get(HostsView.class);
  }

  private JobsView openJobs(FxRobot robot) throws Exception {
    waitUntil(() -> fx.window.jobs().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
    waitUntil(() -> "jobs".equals(fx.window.view().selectedSectionProperty().get()));
    return robot.lookup("#jobs-view").queryAs(JobsView.class);
  }

  private TrainDialogView openTrain(FxRobot robot, String button) throws Exception {
    JobsController jobs = fx.window.jobs().orElseThrow();
    TrainDialogView before = jobs.lastDialog();
    robot.clickOn(button);
    waitUntil(() -> jobs.lastDialog() != null && jobs.lastDialog() != before);
    return jobs.lastDialog();
  }

  /** Fills Add Host for a key login as the test's user on 127.0.0.1 and presses Add. */
  private void addHost(FxRobot robot, String name, int port, Path key) throws Exception {
    robot.clickOn("#addHostButton");
    waitUntil(() -> shown(robot, "#hostName"));
    robot.clickOn("#hostName").write(name);
    robot.clickOn("#hostHostname").write("127.0.0.1");
    setText(robot, "#hostPort", Integer.toString(port));
    setText(robot, "#hostUser", Sshd.user());
    @SuppressWarnings("unchecked")
    ComboBox<AuthChoice> auth = robot.lookup("#hostAuth").queryAs(ComboBox.class);
    robot.interact(() -> auth.setValue(AuthChoice.KEY_FILE));
    setText(robot, "#hostKeyFile", key.toString());
    Button ok = robot.lookup("#hostOk").queryButton();
    waitUntil(() -> !ok.isDisabled());
    robot.clickOn(ok);
  }

  /** Writes a PNG of the dialog holding {@code id} to ui-tests/target/screenshots/NAME.png. */
  private static void dialogShot(FxRobot robot, String id, String name) throws Exception {
    Path out = Path.of("target/screenshots").resolve(name + ".png");
    Files.createDirectories(out.getParent());
    Node node = robot.lookup(id).query();
    javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
    robot.interact(() -> image[0] = node.getScene().snapshot(null));
    javax.imageio.ImageIO.write(
        javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null), "png", out.toFile());
  }

  private static void setText(FxRobot robot, String id, String text) {
    TextInputControl f = robot.lookup(id).queryAs(TextInputControl.class);
    robot.interact(() -> f.setText(text));
  }

  private static String problem(FxRobot robot) {
    return robot.lookup("#hostProblem").queryLabeled().getText();
  }

  private static java.util.function.Predicate<Node> cancelButton() {
    return n -> n instanceof Button b && b.isCancelButton();
  }

  private static void select(FxRobot robot, HostsView view, String name) {
    robot.interact(() -> view.select(name));
  }

  private static List<String> names(HostsView view) {
    return view.rows().stream().map(HostRow::name).toList();
  }

  private static HostRow row(HostsView view, String name) {
    return view.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static JobRow job(JobsView v, String state) {
    return WindowFixture.onFx(
        () -> v.rows().stream().filter(r -> r.state().equals(state)).findFirst().orElse(null));
  }

  private static boolean shown(FxRobot robot, String id) {
    return robot.lookup(id).tryQuery().filter(Node::isVisible).isPresent();
  }

  /** How many logins the server accepted so far (its log, written with -e). */
  private static long logins(Sshd sshd) throws IOException {
    return Files.readAllLines(sshd.dir().resolve("sshd.log")).stream()
        .filter(l -> l.contains("Accepted publickey"))
        .count();
  }

  /** A port on 127.0.0.1 where nothing listens (bound, then closed again). */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
  }

  private static void waitLong(BooleanSupplier c) throws Exception {
    WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, c::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
