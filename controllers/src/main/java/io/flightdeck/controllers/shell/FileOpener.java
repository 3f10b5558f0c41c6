package io.flightdeck.controllers.shell;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Asks the desktop to open a file with the user's default application. Provided by the app (the
 * views may not reach the desktop); tests substitute a recorder. May block: call off the FX thread.
 */
@FunctionalInterface
public interface FileOpener {
  /** Opens the file; throws when the desktop cannot. */
  void open(Path file) throws IOException;
}
