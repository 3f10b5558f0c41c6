package io.flightdeck.controllers.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for files. The real one uses the platform dialogs; tests substitute answers. FX
 * thread only.
 */
public interface FileDialogs {
  /**
   * A file to open, filtered by the given extensions (e.g. {@code *.csv}), or empty when cancelled.
   */
  Optional<Path> open(String title, String description, String... extensions);

  /** A file to write, suggesting {@code initialName}, or empty when cancelled. */
  Optional<Path> save(String title, String initialName, String description, String... extensions);

  /** A folder, or empty when cancelled. */
  Optional<Path> folder(String title);

  /** The platform file dialogs, owned by the given window. */
  static FileDialogs platform(Supplier<Window> owner) {
    return new FileDialogs() {
      @Override
      public Optional<Path> open(String title, String description, String... extensions) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extensions));
        File f = c.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
      }

      @Override
      public Optional<Path> save(
          String title, String initialName, String description, String... extensions) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(initialName);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extensions));
        File f = c.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
      }

      @Override
      public Optional<Path> folder(String title) {
        javafx.stage.DirectoryChooser c = new javafx.stage.DirectoryChooser();
        c.setTitle(title);
        return Optional.ofNullable(c.showDialog(owner.get())).map(File::toPath);
      }
    };
  }
}
