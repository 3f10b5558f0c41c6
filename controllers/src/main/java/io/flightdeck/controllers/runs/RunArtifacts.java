package io.flightdeck.controllers.runs;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.controllers.shell.FileOpener;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.io.AtomicFiles;
import io.flightdeck.core.workspace.ArtifactStore;
import io.flightdeck.views.runs.ArtifactRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Artifact actions: Save As (a verified copy out of the content-addressed store) and Open (the same
 * copy into a temporary folder, then handed to the desktop).
 */
final class RunArtifacts {
  private final ArtifactStore store;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Consumer<String> notifier;
  private final FileDialogs files;
  private final FileOpener opener;

  RunArtifacts(
      ArtifactStore store,
      TaskRunner tasks,
      ErrorPresenter errors,
      Consumer<String> notifier,
      FileDialogs files,
      FileOpener opener) {
    this.store = store;
    this.tasks = tasks;
    this.errors = errors;
    this.notifier = notifier;
    this.files = files;
    this.opener = opener;
  }

  void saveAs(ArtifactRow a) {
    if (a == null) {
      return;
    }
    files
        .save("Save Artifact", fileName(a), "All files", "*.*")
        .ifPresent(
            target ->
                tasks.submit(
                    "Saving " + a.path(),
                    p -> {
                      AtomicFiles.write(target, out -> copy(a, out));
                      return target;
                    },
                    t -> notifier.accept("Saved " + a.path() + " to " + t),
                    e -> errors.show("Save the artifact " + a.path(), e)));
  }

  void open(ArtifactRow a) {
    if (a == null) {
      return;
    }
    tasks.submit(
        "Opening " + a.path(),
        p -> {
          Path dir = Files.createTempDirectory("flightdeck-artifact-");
          Path file = dir.resolve(fileName(a));
          try (InputStream in = store.openVerified(a.sha256())) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
          }
          file.toFile().deleteOnExit();
          dir.toFile().deleteOnExit();
          opener.open(file);
          return file;
        },
        f -> notifier.accept("Opened " + a.path()),
        e -> errors.show("Open the artifact " + a.path(), e));
  }

  private void copy(ArtifactRow a, java.io.OutputStream out) throws IOException {
    try (InputStream in = store.openVerified(a.sha256())) {
      in.transferTo(out);
    }
  }

  static String fileName(ArtifactRow a) {
    String p = a.path();
    int slash = p.lastIndexOf('/');
    return slash >= 0 ? p.substring(slash + 1) : p;
  }
}
