package io.flightdeck.core.registry;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.workspace.ArtifactStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies registry artifacts while hashing them, so that what was checked is exactly what was copied
 * (hashing first and copying after would let a file change in between). Stateless.
 */
final class ArtifactCopies {
  private ArtifactCopies() {}

  /**
   * Block size: file channels with a 1 MiB direct buffer hash and copy about twice as fast as
   * streams with the JDK's 16 KiB default (docs/benchmarks.md, "Registry hashing").
   */
  private static final int BLOCK = 1 << 20;

  /**
   * Copies {@code source} to {@code target} (replacing it) and returns the SHA-256 of the bytes.
   */
  static String copyHashing(Path source, Path target) throws IOException {
    MessageDigest digest = sha256();
    ByteBuffer buf = ByteBuffer.allocateDirect(BLOCK);
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                target,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      while (in.read(buf) >= 0) {
        buf.flip();
        digest.update(buf.duplicate());
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        buf.clear();
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 of a file, or "missing" when it does not exist. */
  static String hashOrMissing(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return "missing";
    }
    MessageDigest digest = sha256();
    ByteBuffer buf = ByteBuffer.allocateDirect(BLOCK);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (ch.read(buf) >= 0) {
        buf.flip();
        digest.update(buf);
        buf.clear();
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Copies a stored object to {@code target} through a temporary file next to it, re-hashing the
   * bytes on the way; the target appears only when the hash matches {@code expected}.
   *
   * @param what names the object in messages ("iris:3")
   * @throws FlightdeckException naming the store file and both hashes on a mismatch, or saying the
   *     file is missing
   */
  static Path checkedCopy(ArtifactStore store, String expected, String what, Path target)
      throws IOException {
    Path file = store.pathOf(expected);
    if (!Files.isRegularFile(file)) {
      throw new FlightdeckException(
          "The stored artifact of "
              + what
              + " is missing: "
              + file
              + " (SHA-256 "
              + expected
              + ").",
          "Restore the workspace's store/ folder from a backup, or register the model again.");
    }
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".copy-", ".part");
    try {
      String actual = copyHashing(file, temp);
      if (!actual.equals(expected)) {
        throw altered(what, file, expected, actual);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static FlightdeckException altered(String what, Path file, String expected, String actual) {
    return new FlightdeckException(
        "The stored artifact of "
            + what
            + " has been altered: "
            + file
            + " should have SHA-256 "
            + expected
            + " (recorded at registration) but has "
            + actual
            + ".",
        "Do not use it. Restore the file from a backup of the workspace, or register the model again;"
            + " 'Verify registry' lists every such file.");
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
