package io.flightdeck.core.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A content-addressed file store: every file is named by the SHA-256 of its bytes, written once and
 * never overwritten. Thread-safe; every method does file I/O and must not be called on the UI
 * thread.
 */
public interface ArtifactStore {
  /**
   * Copies the stream into the store (write to a temporary file, hash, then rename), so a crash
   * never leaves a partial object under a hash name. Closing the stream stays the caller's job.
   *
   * @return the lower-case hex SHA-256 of the bytes
   */
  String put(InputStream in) throws IOException;

  /** Whether an object with this hash is stored. */
  boolean contains(String sha256);

  /**
   * Opens a stored object after re-checking its hash.
   *
   * @throws io.flightdeck.core.error.FlightdeckException naming the file and both hashes when the
   *     content no longer matches its name, or when the object is missing
   */
  InputStream openVerified(String sha256) throws IOException;

  /** The file holding an object (which may or may not exist). */
  Path pathOf(String sha256);
}
