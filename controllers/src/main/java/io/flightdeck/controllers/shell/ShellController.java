package io.flightdeck.controllers.shell;

import io.flightdeck.controllers.audit.AuditController;
import io.flightdeck.controllers.datasets.DatasetsController;
import io.flightdeck.controllers.datasets.DriftController;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.core.workspace.WorkspaceSummary;
import io.flightdeck.views.audit.AuditView;
import io.flightdeck.views.common.AboutDialog;
import io.flightdeck.views.datasets.DatasetsView;
import io.flightdeck.views.datasets.DriftView;
import io.flightdeck.views.shell.MainView;
import io.flightdeck.views.shell.Section;
import io.flightdeck.views.shell.Theme;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's controller: sections, theme, About, the status bar, and the life of the open
 * workspace (opened off the FX thread; sections are enabled only once it is open).
 */
public final class ShellController {
  private static final Logger LOG = LoggerFactory.getLogger(ShellController.class);
  static final String THEME_KEY = "theme";
  private final MainView view;
  private final TaskRunner tasks;
  private final UiSettings settings;
  private final ErrorPresenter errors;
  private final Function<Path, Workspace> opener;
  private final Map<String, String> versions;
  private final AuditView auditView = new AuditView();
  private final DatasetsView datasetsView = new DatasetsView();
  private final DriftView driftView = new DriftView();
  private final FileDialogs files;
  private DatasetsController datasets;
  private DriftController drift;
  private Scene scene;
  private Theme theme = Theme.LIGHT;
  private Workspace workspace;
  private AuditController audit;
  private java.util.function.Consumer<Workspace> beforeClose = w -> {};
  private Runnable onOpened = () -> {};

  /**
   * @param view the main window's layout
   * @param tasks where blocking work runs
   * @param settings persisted UI settings
   * @param errors shows failures
   * @param opener opens (and creates) a workspace folder; blocking, called off the FX thread
   * @param versions name to version, for the About dialog
   * @param files how the user picks files
   */
  public ShellController(
      MainView view,
      TaskRunner tasks,
      UiSettings settings,
      ErrorPresenter errors,
      Function<Path, Workspace> opener,
      Map<String, String> versions,
      FileDialogs files) {
    this.files = files;
    this.view = view;
    this.tasks = tasks;
    this.settings = settings;
    this.errors = errors;
    this.opener = opener;
    this.versions = versions;
    view.addSection(new Section("datasets", "Datasets", datasetsView.root()));
    view.addSection(new Section("drift", "Drift", driftView.root()));
    view.addSection(new Section("audit", "Audit", auditView.root()));
    view.setOnFilesDropped(
        dropped -> {
          if (datasets != null && !dropped.isEmpty()) {
            view.selectSection("datasets");
            datasets.importFile(dropped.get(0).toPath());
          }
        });
    view.sectionsEnabledProperty().set(false);
    view.setOnToggleTheme(this::toggleTheme);
    view.setOnAbout(this::showAbout);
    view.setOnCancel(() -> tasks.monitor().cancelNewest());
    view.setOnOpenWorkspace(this::chooseWorkspace);
    tasks
        .monitor()
        .setListener(
            s -> {
              view.statusTextProperty().set(s.text());
              view.progressProperty().set(s.progress());
              view.cancelVisibleProperty().set(s.cancellable());
            });
  }

  /** Attaches the scene: applies the persisted theme. Call once, on the FX thread. */
  public void attach(Scene scene) {
    this.scene = scene;
    theme = settings.get(THEME_KEY).flatMap(ShellController::parseTheme).orElse(Theme.LIGHT);
    applyTheme();
  }

  private static Optional<Theme> parseTheme(String s) {
    try {
      return Optional.of(Theme.valueOf(s));
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring unknown theme '{}' in settings", s);
      return Optional.empty();
    }
  }

  /**
   * Runs before a workspace is closed (switching workspaces, shutdown), on the thread that closes
   * it: whatever uses the workspace in the background stops here.
   */
  public void setBeforeWorkspaceClosed(java.util.function.Consumer<Workspace> r) {
    this.beforeClose = r;
  }

  /** Runs after each successful open (for scripted starts and tests). */
  public void setOnWorkspaceOpened(Runnable r) {
    this.onOpened = r;
  }

  /** Opens the workspace in {@code dir} in the background, closing the one open now. */
  public void openWorkspace(Path dir) {
    view.sectionsEnabledProperty().set(false);
    view.showPlaceholder("Opening workspace " + dir + " …");
    Workspace previous = workspace;
    workspace = null;
    tasks.submit(
        "Opening workspace",
        p -> {
          if (previous != null) {
            beforeClose.accept(previous);
            previous.close();
          }
          Workspace ws = opener.apply(dir);
          return new Opened(ws, ws.summary());
        },
        this::opened,
        e -> {
          view.showPlaceholder(
              "No workspace is open.\nUse File ▸ Open Workspace… (Ctrl+O) to choose a folder.");
          view.workspaceTextProperty().set("No workspace");
          errors.show("Open the workspace " + dir, e);
        });
  }

  private record Opened(Workspace workspace, WorkspaceSummary summary) {}

  private void opened(Opened o) {
    workspace = o.workspace();
    audit =
        new AuditController(
            auditView, workspace.audit(), tasks, errors, view::notify, ZoneId.systemDefault());
    java.util.function.Supplier<Window> ownerSupplier =
        () -> scene == null ? null : scene.getWindow();
    datasets =
        new DatasetsController(
            datasetsView,
            workspace.datasets(),
            tasks,
            errors,
            this::notifyAndRefreshAudit,
            files,
            ownerSupplier);
    drift =
        new DriftController(driftView, workspace.datasets(), tasks, errors, view::notify, files);
    datasets.setOnVersionsChanged(drift::setVersions);
    datasets.setOnOpenDrift(
        ref -> {
          drift.prepare(ref);
          view.selectSection("drift");
          drift.run();
        });
    view.workspaceTextProperty().set("Workspace: " + o.summary().dir());
    view.sectionsEnabledProperty().set(true);
    view.selectSection("datasets");
    datasets.refresh(Optional.empty());
    audit.refresh();
    audit.verify();
    if (o.summary().created()) {
      view.notify("Created a new workspace in " + o.summary().dir());
    }
    onOpened.run();
  }

  private void notifyAndRefreshAudit(String message) {
    view.notify(message);
    if (audit != null) {
      audit.refresh();
    }
  }

  /** The datasets controller of the open workspace (empty before it opens). */
  public Optional<DatasetsController> datasets() {
    return Optional.ofNullable(datasets);
  }

  /** The drift controller of the open workspace (empty before it opens). */
  public Optional<DriftController> drift() {
    return Optional.ofNullable(drift);
  }

  private void chooseWorkspace() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open or Create a Workspace");
    Window owner = scene == null ? null : scene.getWindow();
    java.io.File dir = chooser.showDialog(owner);
    if (dir != null) {
      openWorkspace(dir.toPath());
    }
  }

  /** Switches between the light and dark theme and remembers the choice. */
  public void toggleTheme() {
    theme = theme.toggled();
    applyTheme();
    Theme chosen = theme;
    tasks.submit(
        "Saving settings",
        p -> {
          settings.put(THEME_KEY, chosen.name());
          return chosen;
        },
        t -> {},
        e -> errors.show("Save the theme setting", e));
  }

  public Theme theme() {
    return theme;
  }

  private void applyTheme() {
    if (scene != null) {
      scene.getStylesheets().setAll(Theme.baseStylesheetUrl(), theme.stylesheetUrl());
    }
  }

  private void showAbout() {
    AboutDialog.create(scene == null ? null : scene.getWindow(), versions).show();
  }

  /** The open workspace, if any. */
  public Optional<Workspace> workspace() {
    return Optional.ofNullable(workspace);
  }

  /** Closes the open workspace (blocking; call on shutdown). */
  public void closeWorkspace() {
    if (workspace != null) {
      beforeClose.accept(workspace);
      workspace.close();
      workspace = null;
    }
  }
}
