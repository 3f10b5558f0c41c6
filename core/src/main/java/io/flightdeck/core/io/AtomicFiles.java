package io.flightdeck.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Whole-file writes that never leave half a file: the content goes to a temporary file beside the
 * target, which then replaces the target by a rename (atomic where the file system allows).
 * Blocking file I/O; any thread.
 */
public final class AtomicFiles {
  /** Writes the content of a file to the stream it is given. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} through {@code writer}; on failure the target is untouched and the
   * temporary file removed.
   *
   * @throws IOException from the writer or the file system
   */
  public static void write(Path target, Writer writer) throws IOException {
    Path abs = target.toAbsolutePath();
    Path temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + "-", ".part");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        writer.write(out);
      }
      try {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes {@code text} as UTF-8 to {@code target}, as {@link #write}. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
