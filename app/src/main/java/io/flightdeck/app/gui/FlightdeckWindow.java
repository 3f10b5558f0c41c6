package io.flightdeck.app.gui;

import io.flightdeck.agent.onnx.OnnxScorerFactory;
import io.flightdeck.app.FileUiSettingsFactory;
import io.flightdeck.app.jobs.LocalJobs;
import io.flightdeck.controllers.hosts.HostsController;
import io.flightdeck.controllers.jobs.JobsController;
import io.flightdeck.controllers.models.ModelsController;
import io.flightdeck.controllers.models.RegistryBackend;
import io.flightdeck.controllers.runs.RunsController;
import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.controllers.shell.FileOpener;
import io.flightdeck.controllers.shell.ShellController;
import io.flightdeck.controllers.shell.UiSettings;
import io.flightdeck.controllers.task.ExecutorTaskRunner;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.jobs.JobService;
import io.flightdeck.core.jobs.SweepService;
import io.flightdeck.core.registry.eval.BatchScorer;
import io.flightdeck.core.registry.eval.ModelEvaluator;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.core.workspace.WorkspaceLocations;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.runners.jobs.SweepRunner;
import io.flightdeck.runners.models.ChildProcessModelInspector;
import io.flightdeck.store.LocalWorkspace;
import io.flightdeck.views.jobs.JobsView;
import io.flightdeck.views.models.ModelsView;
import io.flightdeck.views.runs.RunsView;
import io.flightdeck.views.shell.MainView;
import io.flightdeck.views.shell.Section;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the window: builds the view, the controllers and the services for one
 * stage, restores the window's geometry, and shuts everything down in order. Used by the
 * application and by the UI tests.
 */
public final class FlightdeckWindow {
  private static final Logger LOG = LoggerFactory.getLogger(FlightdeckWindow.class);
  private final Stage stage;
  private final UiSettings settings;
  private final MainView view = new MainView();
  // a running sweep holds one thread for its whole length; the others keep the UI fed
  private final ExecutorTaskRunner tasks = new ExecutorTaskRunner(4);
  private final ErrorPresenter errors;
  private final ShellController shell;
  private final RunsView runsView = new RunsView();
  private final FileDialogs files;
  private FileOpener opener = FlightdeckWindow::openOnDesktop;
  private RunsController runs;
  private final JobsView jobsView = new JobsView();
  private final HostsSection hosts;
  private Function<Workspace, JobService> jobServices = this::jobsWithHosts;
  private BiFunction<Workspace, JobService, SweepService> sweepServices =
      FlightdeckWindow::sweepsOver;
  private volatile JobService jobService;
  private JobsController jobs;
  private final ModelsView modelsView = new ModelsView();
  private ModelsController models;
  private Runnable onOpened = () -> {};
  private boolean shutDown;

  /**
   * @param stage the window to fill
   * @param settings where theme and geometry are kept
   * @param errors how failures are shown (tests pass one that does not block)
   */
  public FlightdeckWindow(Stage stage, UiSettings settings, ErrorPresenter errors) {
    this(stage, settings, errors, FileDialogs.platform(() -> stage));
  }

  /**
   * @param stage the window to fill
   * @param settings where theme and geometry are kept
   * @param errors how failures are shown (tests pass one that does not block)
   * @param files how the user picks files (tests pass scripted answers)
   */
  public FlightdeckWindow(
      Stage stage, UiSettings settings, ErrorPresenter errors, FileDialogs files) {
    this.stage = stage;
    this.settings = settings;
    this.errors = errors;
    this.shell =
        new ShellController(
            view,
            tasks,
            settings,
            errors,
            dir ->
                LocalWorkspace.open(
                    dir,
                    Clock.systemUTC(),
                    () -> System.getProperty("user.name"),
                    ChildProcessModelInspector.fromCurrentJvm()),
            versions(),
            files);
    this.files = files;
    this.hosts = new HostsSection(() -> stage);
    view.addSection(new Section("runs", "Runs", runsView.root()));
    view.addSection(new Section("jobs", "Jobs", jobsView));
    view.addSection(new Section("models", "Models", modelsView));
    view.addSection(new Section("hosts", "Hosts", hosts.view().root()));
    shell.setOnWorkspaceOpened(this::workspaceOpened);
    shell.setBeforeWorkspaceClosed(ws -> closeJobs());
  }

  /**
   * The default job service: this machine's agent and the inventory's hosts over SSH, through the
   * workspace's one {@code RemoteHosts} (shared with the Hosts section, so a key trusted or a
   * passphrase typed there counts for jobs too).
   */
  private JobService jobsWithHosts(Workspace ws) {
    return LocalJobs.open(ws, Clock.systemUTC(), hosts.remote().orElseThrow(), this::hostStatus);
  }

  /**
   * The default sweep service: trials go through the window's own job service, so they count
   * against each host's limit with every other job and show in the Jobs table as they start.
   */
  private static SweepService sweepsOver(Workspace ws, JobService js) {
    if (js instanceof Fleet fleet) {
      return new SweepRunner(fleet, ws.tracking());
    }
    return (name, base, trials, limits, status) -> {
      throw new FlightdeckException(
          "Sweeps need the fleet job service; this window runs jobs with "
              + js.getClass().getSimpleName()
              + ".",
          "Start sweeps from the command line: flightdeck sweep --help.");
    };
  }

  /**
   * Shows how a host is prepared for a job (agent install, uploads) in the status bar; the steps
   * that finish something also as a notification. Any thread.
   */
  private void hostStatus(String line) {
    Platform.runLater(
        () -> {
          view.statusTextProperty().set(line);
          if (!line.startsWith("uploading ")) {
            view.notify(line);
          }
        });
  }

  /** Stops following jobs (they go on; the next open re-attaches). Any thread. */
  private void closeJobs() {
    JobService js = jobService;
    jobService = null;
    if (js != null) {
      js.close();
    }
  }

  private void openJobs(Workspace ws) {
    if (jobs != null) {
      jobs.deactivate();
    }
    JobService js = jobServices.apply(ws);
    jobService = js;
    jobs =
        new JobsController(
            jobsView,
            js,
            sweepServices.apply(ws, js),
            ws.tracking().repository(),
            ws.datasets(),
            () -> ws.hosts().list(),
            tasks,
            errors,
            view::notify,
            runId -> {
              view.selectSection("runs");
              runs().ifPresent(r -> r.showRun(runId));
            },
            sweep -> {
              view.selectSection("runs");
              runs().ifPresent(r -> r.showGroupedBy("tags.flightdeck.sweep"));
            },
            () -> stage,
            () -> Path.of(System.getProperty("user.home")));
    jobs.activate();
    JobsController current = jobs;
    runsView.trainButton().setDisable(false);
    runsView
        .trainButton()
        .setOnAction(
            e -> {
              view.selectSection("jobs");
              current.openTraining(Optional.empty());
            });
    runsView.sweepButton().setDisable(false);
    runsView
        .sweepButton()
        .setOnAction(
            e -> {
              view.selectSection("jobs");
              current.openSweep(Optional.empty());
            });
    shell
        .datasets()
        .ifPresent(
            d -> {
              d.setOnTrain(
                  ref -> {
                    view.selectSection("jobs");
                    current.openTraining(Optional.of(ref));
                  });
              d.setOnSweep(
                  ref -> {
                    view.selectSection("jobs");
                    current.openSweep(Optional.of(ref));
                  });
            });
    tasks.submit(
        "Re-attaching running jobs",
        p -> {
          js.reattach();
          return js;
        },
        r -> {},
        e -> errors.show("Re-attach running jobs", e));
  }

  private void workspaceOpened() {
    if (runs != null) {
      runs.dispose();
    }
    Workspace ws = shell.workspace().orElseThrow();
    runs =
        new RunsController(
            runsView,
            ws.tracking(),
            ws.artifacts(),
            tasks,
            errors,
            view::notify,
            files,
            f -> opener.open(f));
    runs.refresh();
    hosts.open(ws, tasks, errors, files, view::notify);
    openJobs(ws);
    openModels(ws);
    onOpened.run();
  }

  /** The Models section over the workspace's registry, scoring in process with ONNX Runtime. */
  private void openModels(Workspace ws) {
    String user = System.getProperty("user.name");
    ModelEvaluator evaluator =
        new ModelEvaluator(
            ws.registry(), ws.datasets(), new OnnxScorerFactory(), Clock.systemUTC(), () -> user);
    models =
        new ModelsController(
            modelsView,
            new RegistryBackend(
                ws.registry(),
                evaluator,
                new BatchScorer(ws.registry(), ws.datasets(), new OnnxScorerFactory())),
            ws.tracking().repository(),
            ws.datasets(),
            tasks,
            errors,
            files,
            view::notify,
            () -> stage,
            user,
            runId -> {
              view.selectSection("runs");
              runs().ifPresent(r -> r.showRun(runId));
            },
            ref -> {
              view.selectSection("datasets");
              shell.datasets().ifPresent(d -> d.refresh(Optional.of(ref)));
            });
    models.refresh();
    ModelsController current = models;
    runs.setOnRegisterModel(
        (runId, path) -> {
          view.selectSection("models");
          current.registerRunArtifact(runId, path);
        });
  }

  /** Opens a file with the desktop's default application (blocking; off the FX thread). */
  private static void openOnDesktop(Path file) throws java.io.IOException {
    if (java.awt.Desktop.isDesktopSupported()
        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
      java.awt.Desktop.getDesktop().open(file.toFile());
    } else {
      new ProcessBuilder("xdg-open", file.toString()).inheritIO().start();
    }
  }

  /** The window of the interactive user, with settings in the user's config folder. */
  public static FlightdeckWindow forUser(Stage stage) {
    UiSettings settings =
        FileUiSettingsFactory.create(
            WorkspaceLocations.ofSystem().configHome().resolve("settings.properties"));
    return new FlightdeckWindow(stage, settings, new ErrorPresenter(() -> stage));
  }

  private static Map<String, String> versions() {
    return FileUiSettingsFactory.versions();
  }

  /** Builds the scene, shows the window and starts opening the workspace. Call on the FX thread. */
  public void show(Path workspace) {
    shell.openWorkspace(workspace);
    Scene scene = new Scene(view.root(), 1100, 720);
    shell.attach(scene);
    stage.setScene(scene);
    stage.setTitle("Flightdeck");
    stage
        .getIcons()
        .add(new Image(FlightdeckWindow.class.getResourceAsStream("/io/flightdeck/app/icon.png")));
    WindowGeometry.restore(
        stage, settings, Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
    view.setOnQuit(Platform::exit);
    stage.setOnCloseRequest(e -> WindowGeometry.save(stage, settings));
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.show("An action", e));
    stage.show();
  }

  /** Runs after each successful workspace open, on the FX thread. */
  public void setOnWorkspaceOpened(Runnable r) {
    onOpened = r;
  }

  /**
   * The runs controller of the open workspace (empty before it opens): {@code showRun(runId)}
   * selects a run and follows it live while RUNNING, {@code refresh()} reloads.
   */
  public Optional<RunsController> runs() {
    return Optional.ofNullable(runs);
  }

  /** The runs section's view ({@code runsView().trainButton()} is the hook for Train…). */
  public RunsView runsView() {
    return runsView;
  }

  /**
   * The models controller of the open workspace (empty before it opens): {@code showVersion(model,
   * version)} selects a version, {@code registerRunArtifact(runId, path)} opens Register.
   */
  public Optional<ModelsController> models() {
    return Optional.ofNullable(models);
  }

  /** The hosts controller of the open workspace (empty before it opens). */
  public Optional<HostsController> hosts() {
    return hosts.controller();
  }

  /** The jobs controller of the open workspace (empty before it opens). */
  public Optional<JobsController> jobs() {
    return Optional.ofNullable(jobs);
  }

  /**
   * Replaces how job services are made for a workspace (before {@link #show}); the default runs
   * jobs on this machine and, over SSH, on the inventory's hosts.
   */
  public void setJobServices(Function<Workspace, JobService> factory) {
    this.jobServices = factory;
  }

  /**
   * Replaces how sweep services are made for a workspace and its job service (before {@link
   * #show}); the default runs the trials through that job service when it is a {@code Fleet}.
   */
  public void setSweepServices(BiFunction<Workspace, JobService, SweepService> factory) {
    this.sweepServices = factory;
  }

  /** Replaces how artifacts are opened on the desktop (tests record instead). */
  public void setFileOpener(FileOpener opener) {
    this.opener = opener;
  }

  public ShellController shell() {
    return shell;
  }

  public MainView view() {
    return view;
  }

  /**
   * Saves the geometry, stops background work, closes the workspace. Idempotent; blocks briefly.
   */
  public void shutdown() {
    if (shutDown) {
      return;
    }
    shutDown = true;
    try {
      if (stage.isShowing()) {
        WindowGeometry.save(stage, settings);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not save the window geometry", e);
    }
    if (runs != null) {
      runs.dispose();
    }
    if (jobs != null) {
      jobs.deactivate();
    }
    hosts.close();
    tasks.close();
    shell.closeWorkspace();
  }
}
