package io.flightdeck.controllers.jobs;

import io.flightdeck.controllers.shell.ActionNotifier;
import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.jobs.SweepService;
import io.flightdeck.core.jobs.SweepService.Trial;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.views.jobs.SweepChoices;
import io.flightdeck.views.jobs.SweepChoices.HostSlot;
import io.flightdeck.views.jobs.SweepChoices.SweepParam;
import io.flightdeck.views.jobs.SweepDialogView;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Opens the Sweep dialog (dataset versions and hosts loaded off the FX thread, the plan previewed
 * on every edit), then runs the sweep on the task runner: the status bar follows it, its Cancel
 * interrupts the sweep (running trials are cancelled), and the end is a notification that opens the
 * sweep's runs grouped in Runs.
 */
final class SweepDialogs {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** What the dialog offers, loaded off the FX thread. */
  private record Offer(List<String> versions, List<HostSlot> hosts) {}

  private final SweepService sweeps;
  private final DatasetChoices choices;
  private final Supplier<List<HostConfig>> hosts;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final ActionNotifier notifier;
  private final Consumer<String> showSweep;
  private final Supplier<Window> owner;
  private SweepDialogView last;

  SweepDialogs(
      SweepService sweeps,
      DatasetChoices choices,
      Supplier<List<HostConfig>> hosts,
      TaskRunner tasks,
      ErrorPresenter errors,
      ActionNotifier notifier,
      Consumer<String> showSweep,
      Supplier<Window> owner) {
    this.sweeps = sweeps;
    this.choices = choices;
    this.hosts = hosts;
    this.tasks = tasks;
    this.errors = errors;
    this.notifier = notifier;
    this.showSweep = showSweep;
    this.owner = owner;
  }

  SweepDialogView lastDialog() {
    return last;
  }

  void open(Optional<DatasetRef> preset) {
    SweepDialogView dialog =
        new SweepDialogView(
            owner.get(),
            TrainDialogs.PARAMS.keySet(),
            "sweep-" + STAMP.format(LocalDateTime.now()));
    last = dialog;
    Map<String, Integer> maxJobs = new LinkedHashMap<>();
    dialog.setOnChange(() -> preview(dialog, maxJobs));
    dialog.setParams(List.of(new SweepParam("epochs", "5,10")));
    choices.follow(dialog.data(), p -> dialog.showPreview(p, false));
    tasks.submit(
        "Listing datasets and hosts",
        p -> new Offer(choices.versions(), slots()),
        offer -> {
          offer.hosts().forEach(h -> maxJobs.put(h.name(), h.maxJobs()));
          dialog.setHosts(offer.hosts(), List.of(HostConfig.LOCAL));
          List<String> list = offer.versions();
          dialog.data().dataset().getItems().setAll(list);
          String pick = preset.map(DatasetRef::toString).filter(list::contains).orElse(null);
          if (pick == null && !list.isEmpty()) {
            pick = list.get(0);
          }
          dialog.data().dataset().setValue(pick);
        },
        e -> errors.show("List datasets and hosts", e));
    dialog.show(c -> start(c, maxJobs));
  }

  /** This machine first, then the inventory's hosts, each with its jobs at once. Blocking. */
  private List<HostSlot> slots() {
    List<HostSlot> out = new ArrayList<>();
    out.add(new HostSlot(HostConfig.LOCAL, SweepForm.LOCAL_JOBS));
    hosts.get().forEach(h -> out.add(new HostSlot(h.name(), h.maxJobs())));
    return out;
  }

  private static void preview(SweepDialogView dialog, Map<String, Integer> maxJobs) {
    try {
      dialog.showPreview(SweepForm.plan(dialog.choices(), maxJobs).summary(), true);
    } catch (FlightdeckException e) {
      dialog.showPreview(e.oneLine(), false);
    }
  }

  private void start(SweepChoices c, Map<String, Integer> maxJobs) {
    SweepForm.Plan plan;
    try {
      plan = SweepForm.plan(c, maxJobs);
    } catch (FlightdeckException e) {
      errors.show("Start the sweep", e);
      return;
    }
    String name = plan.name();
    String prefix = "sweep " + name + ": ";
    notifier.notify(
        "Sweep " + name + " started: " + plan.summary(),
        "Show in Runs",
        () -> showSweep.accept(name));
    tasks.submit(
        "Sweep " + name,
        p ->
            sweeps.run(
                name,
                plan.base(),
                plan.trials(),
                plan.hostLimits(),
                line ->
                    p.update(-1, line.startsWith(prefix) ? line.substring(prefix.length()) : line)),
        results ->
            notifier.notify(outcome(name, results), "Show in Runs", () -> showSweep.accept(name)),
        e -> errors.show("Sweep " + name, e));
  }

  /** "Sweep NAME: 3 of 4 succeeded (trial 2: why)". */
  static String outcome(String name, List<Trial> results) {
    int ok = 0;
    String firstProblem = null;
    for (Trial t : results) {
      if (t.job() != null && t.job().state() == JobState.SUCCEEDED) {
        ok++;
      } else if (firstProblem == null) {
        String why =
            t.job() == null
                ? t.error()
                : t.job().state()
                    + (t.job().message() == null || t.job().message().isBlank()
                        ? ""
                        : ": " + t.job().message());
        firstProblem = "trial " + (t.index() + 1) + " " + why;
      }
    }
    return "Sweep "
        + name
        + ": "
        + ok
        + " of "
        + results.size()
        + " succeeded"
        + (firstProblem == null ? "" : " (" + firstProblem + ")");
  }
}
