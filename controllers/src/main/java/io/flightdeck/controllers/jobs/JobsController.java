package io.flightdeck.controllers.jobs;

import io.flightdeck.controllers.shell.ActionNotifier;
import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.jobs.JobService;
import io.flightdeck.core.jobs.SweepService;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.views.jobs.JobRow;
import io.flightdeck.views.jobs.JobsView;
import io.flightdeck.views.jobs.SweepDialogView;
import io.flightdeck.views.jobs.TrainDialogView;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The Jobs section: starts training and command jobs and sweeps, shows every job with its live
 * state, chart and log, and cancels. Polls the store every 500 ms while a job is live (the agent's
 * events are stored by the job service on its own thread; the UI never waits for them).
 */
public final class JobsController {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final JobsView view;
  private final JobService jobs;
  private final TrackingRepository repo;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Consumer<String> openRun;
  private final TrainDialogs dialogs;
  private final SweepDialogs sweepDialogs;
  private final JobDetail detail;
  private final Timeline poll = new Timeline(new KeyFrame(Duration.millis(500), e -> refresh()));
  private boolean loading;
  private volatile boolean dirty = true;

  /**
   * @param sweeps runs sweeps (blocking; called on the task runner)
   * @param hosts the inventory's hosts, offered besides this machine (blocking; called on the task
   *     runner)
   * @param notifier shows a notification with an action (a sweep's end)
   * @param openRun shows a run in the Runs section
   * @param openSweep shows a sweep's runs (by its name) grouped in the Runs section
   * @param owner the window dialogs belong to
   * @param workdir the default working folder for command jobs
   */
  public JobsController(
      JobsView view,
      JobService jobs,
      SweepService sweeps,
      TrackingRepository repo,
      DatasetService datasets,
      Supplier<List<HostConfig>> hosts,
      TaskRunner tasks,
      ErrorPresenter errors,
      ActionNotifier notifier,
      Consumer<String> openRun,
      Consumer<String> openSweep,
      Supplier<Window> owner,
      Supplier<Path> workdir) {
    this.view = view;
    this.jobs = jobs;
    this.repo = repo;
    this.tasks = tasks;
    this.errors = errors;
    this.openRun = openRun;
    this.detail = new JobDetail(view, repo, tasks);
    DatasetChoices choices = new DatasetChoices(datasets, tasks);
    this.dialogs =
        new TrainDialogs(
            jobs,
            choices,
            () -> hosts.get().stream().map(HostConfig::name).toList(),
            tasks,
            errors,
            owner,
            workdir,
            this::started);
    this.sweepDialogs =
        new SweepDialogs(sweeps, choices, hosts, tasks, errors, notifier, openSweep, owner);
    jobs.addListener(u -> dirty = true);
    poll.setCycleCount(Timeline.INDEFINITE);
    view.trainButton().setOnAction(e -> dialogs.openTraining(Optional.empty()));
    view.sweepButton().setOnAction(e -> sweepDialogs.open(Optional.empty()));
    view.runCommandButton().setOnAction(e -> dialogs.openCommand());
    view.cancelButton().setOnAction(e -> cancelSelected());
    view.openRunButton().setOnAction(e -> selected().ifPresent(r -> openRun.accept(r.runId())));
    view.table()
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, b) -> detail.show(b));
  }

  /** Starts polling and loads the table; call when the section is shown. */
  public void activate() {
    dirty = true;
    refresh();
    poll.play();
  }

  /** Stops polling; call when the section is hidden or the window closes. */
  public void deactivate() {
    poll.stop();
  }

  /** Opens the Train dialog, with a dataset version chosen when given. */
  public void openTraining(Optional<DatasetRef> dataset) {
    dialogs.openTraining(dataset);
  }

  /** Opens the Sweep dialog, with a dataset version chosen when given. */
  public void openSweep(Optional<DatasetRef> dataset) {
    sweepDialogs.open(dataset);
  }

  /** The dialog opened last (tests). */
  public TrainDialogView lastDialog() {
    return dialogs.lastDialog();
  }

  /** The Sweep dialog opened last (tests). */
  public SweepDialogView lastSweepDialog() {
    return sweepDialogs.lastDialog();
  }

  private void started(JobRecord job) {
    dirty = true;
    refresh();
    detail.select(job.jobId());
  }

  private Optional<JobRow> selected() {
    return Optional.ofNullable(view.table().getSelectionModel().getSelectedItem());
  }

  private void cancelSelected() {
    selected()
        .ifPresent(
            row ->
                tasks.submit(
                    "Cancelling " + row.run(),
                    p -> {
                      jobs.cancel(row.jobId());
                      return row;
                    },
                    r -> dirty = true,
                    e -> errors.show("Cancel " + row.run(), e)));
  }

  /** Reloads the table (and the selected job's chart and log) when anything changed. */
  public void refresh() {
    if (loading) {
      return;
    }
    boolean live = view.rows().stream().anyMatch(r -> isLive(r.state()));
    if (!dirty && !live) {
      return;
    }
    dirty = false;
    loading = true;
    tasks.submitQuietly(
        "Refreshing jobs",
        p -> rows(repo.jobs(200)),
        rows -> {
          loading = false;
          apply(rows);
        },
        e -> loading = false);
  }

  private void apply(List<JobRow> rows) {
    String selectedId = selected().map(JobRow::jobId).orElse(detail.wanted());
    view.rows().setAll(rows);
    rows.stream()
        .filter(r -> r.jobId().equals(selectedId))
        .findFirst()
        .ifPresent(r -> view.table().getSelectionModel().select(r));
    selected()
        .ifPresent(
            r -> {
              view.cancellableProperty().set(isLive(r.state()));
              detail.update(r);
            });
  }

  static boolean isLive(String state) {
    return state.equals(JobState.QUEUED.name()) || state.equals(JobState.RUNNING.name());
  }

  private List<JobRow> rows(List<JobRecord> records) {
    return records.stream()
        .map(
            j ->
                new JobRow(
                    j.jobId(),
                    j.runId(),
                    repo.run(j.runId())
                        .map(r -> r.name().isEmpty() ? j.runId() : r.name())
                        .orElse(j.runId()),
                    j.kind(),
                    j.host(),
                    j.state().name(),
                    TIME.format(j.created()),
                    j.message()))
        .toList();
  }
}
