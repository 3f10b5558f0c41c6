package io.flightdeck.controllers.jobs;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.jobs.JobService;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.views.jobs.TrainChoices;
import io.flightdeck.views.jobs.TrainDialogView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Opens the Train dialog, fills its choices (dataset versions, hosts, the working folder's files
 * for a remote host), and submits what the user chose; a refused request reopens it with the
 * reason.
 */
final class TrainDialogs {
  static final Map<String, String> PARAMS = defaults();

  /** What the dialog offers, loaded off the FX thread. */
  private record Offer(List<String> versions, List<String> hosts) {}

  private final JobService jobs;
  private final DatasetChoices choices;
  private final Supplier<List<String>> hosts;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Supplier<Window> owner;
  private final Supplier<Path> workdir;
  private final Consumer<JobRecord> started;
  private TrainDialogView last;

  TrainDialogs(
      JobService jobs,
      DatasetChoices choices,
      Supplier<List<String>> hosts,
      TaskRunner tasks,
      ErrorPresenter errors,
      Supplier<Window> owner,
      Supplier<Path> workdir,
      Consumer<JobRecord> started) {
    this.jobs = jobs;
    this.choices = choices;
    this.hosts = hosts;
    this.tasks = tasks;
    this.errors = errors;
    this.owner = owner;
    this.workdir = workdir;
    this.started = started;
  }

  private static Map<String, String> defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("epochs", "10");
    m.put("learningRate", "0.1");
    m.put("validationFraction", "0.2");
    m.put("minibatch", "1");
    m.put("seed", "42");
    return m;
  }

  TrainDialogView lastDialog() {
    return last;
  }

  void openTraining(Optional<DatasetRef> preset) {
    open(preset.map(DatasetRef::toString), null, false);
  }

  void openCommand() {
    open(Optional.empty(), null, true);
  }

  private void open(Optional<String> preset, TrainChoices earlier, boolean command) {
    TrainDialogView dialog = new TrainDialogView(owner.get(), PARAMS);
    last = dialog;
    if (command) {
      dialog.selectCommand(workdir.get().toString());
    }
    choices.follow(dialog.data(), dialog::showProblem);
    PauseTransition typing = new PauseTransition(Duration.millis(300));
    typing.setOnFinished(e -> listUploads(dialog));
    dialog.workdirField().textProperty().addListener((o, a, b) -> typing.playFromStart());
    dialog.host().valueProperty().addListener((o, a, b) -> listUploads(dialog));
    listUploads(dialog);
    tasks.submit(
        "Listing datasets and hosts",
        p -> new Offer(choices.versions(), hostNames()),
        offer -> {
          List<String> list = offer.versions();
          dialog.dataset().getItems().setAll(list);
          dialog.setHosts(offer.hosts());
          if (earlier != null) {
            dialog.restore(earlier);
          } else if (preset.isPresent() && list.contains(preset.get())) {
            dialog.dataset().setValue(preset.get());
          } else if (!list.isEmpty()) {
            dialog.dataset().setValue(list.get(0));
          }
        },
        e -> errors.show("List datasets and hosts", e));
    dialog.show(this::submit);
  }

  /** This machine first, then the inventory's hosts. */
  private List<String> hostNames() {
    List<String> out = new ArrayList<>();
    out.add(HostConfig.LOCAL);
    out.addAll(hosts.get());
    return out;
  }

  private static boolean remote(String host) {
    return host != null && !host.isBlank() && !host.equals(HostConfig.LOCAL);
  }

  /** Offers the working folder's files when the command goes to a remote host. */
  private void listUploads(TrainDialogView dialog) {
    String host = dialog.host().getValue();
    if (!remote(host)) {
      dialog
          .uploads()
          .setEnabled(false, "On this machine the command runs in the working folder itself.");
      return;
    }
    String folder = dialog.workdirField().getText().strip();
    dialog.uploads().setEnabled(true, "Listing " + folder + "…");
    tasks.submitQuietly(
        "Listing " + folder,
        p -> FolderFiles.list(Path.of(folder.isEmpty() ? "." : folder)),
        listing -> {
          if (folder.equals(dialog.workdirField().getText().strip())
              && host.equals(dialog.host().getValue())) {
            dialog
                .uploads()
                .setFiles(
                    listing.files(),
                    dialog.uploads().selected(),
                    "The chosen files are copied to a new folder on "
                        + host
                        + ", where the command runs. Hidden files and files more than "
                        + (FolderFiles.MAX_DEPTH - 1)
                        + " folders deep are not listed"
                        + (listing.truncated()
                            ? "; only the first " + FolderFiles.MAX_FILES + " files are."
                            : "."));
          }
        },
        e -> dialog.uploads().setFiles(List.of(), List.of(), message(e)));
  }

  private void submit(TrainChoices c) {
    tasks.submit(
        (c.command() ? "Starting command" : "Starting training")
            + (remote(c.host()) ? " on " + c.host() : ""),
        p -> c.command() ? jobs.submitCommand(command(c)) : jobs.submitTraining(training(c)),
        started,
        e -> {
          if (e instanceof FlightdeckException) {
            open(Optional.empty(), c, c.command());
            last.showProblem(message(e));
          } else {
            errors.show(c.command() ? "Run command" : "Train", e);
          }
        });
  }

  private static TrainRequest training(TrainChoices c) {
    if (c.dataset().isBlank()) {
      throw new FlightdeckException("No dataset version is chosen.", "Import a dataset first.");
    }
    if (c.target().isBlank()) {
      throw new FlightdeckException("No target column is chosen.", "Choose the column to predict.");
    }
    Map<String, String> params = new LinkedHashMap<>();
    c.params()
        .forEach(
            (k, v) -> {
              if (!v.isBlank()) {
                params.put(k, v.trim());
              }
            });
    return new TrainRequest(
            DatasetRef.parse(c.dataset()),
            c.target(),
            c.features(),
            c.model(),
            params,
            c.experiment(),
            c.runName())
        .onHost(c.host());
  }

  private static CommandRequest command(TrainChoices c) {
    List<String> argv = CommandLines.split(c.commandLine());
    Map<String, String> env = new LinkedHashMap<>();
    int n = 0;
    for (String line : c.env().split("\n")) {
      n++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw new FlightdeckException(
            "Environment line " + n + " ('" + t + "') is not KEY=VALUE.",
            "Write one KEY=VALUE per line.");
      }
      env.put(t.substring(0, eq), t.substring(eq + 1));
    }
    Path dir = Path.of(c.workdir().isBlank() ? "." : c.workdir());
    return new CommandRequest(argv, dir, env, c.outputDir().strip(), c.experiment(), c.runName())
        .onHost(c.host(), remote(c.host()) ? c.uploads() : List.of());
  }

  private static String message(Throwable e) {
    return DatasetChoices.message(e);
  }
}
