package io.flightdeck.store;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.workspace.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workspace's content-addressed store: {@code objects/ab/cdef...} where {@code abcdef...} is
 * the SHA-256 of the file. Files are written to {@code tmp/}, hashed, synced and renamed into
 * place, so no partial object ever carries a hash name; leftovers in {@code tmp/} from a crash are
 * removed on open. Thread-safe.
 */
public final class FileArtifactStore implements ArtifactStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private final Path objects;
  private final Path tmp;

  /**
   * Opens (and creates) the store under {@code root}, cleaning up temporary files left by a crash.
   */
  public FileArtifactStore(Path root) throws IOException {
    this.objects = Files.createDirectories(root.resolve("objects"));
    this.tmp = Files.createDirectories(root.resolve("tmp"));
    try (Stream<Path> leftovers = Files.list(tmp)) {
      for (Path p : (Iterable<Path>) leftovers::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public String put(InputStream in) throws IOException {
    Path temp = Files.createTempFile(tmp, "put-", ".part");
    try {
      MessageDigest digest = sha256();
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE);
          DigestInputStream din = new DigestInputStream(in, digest)) {
        din.transferTo(out);
      }
      try (var ch = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      String hash = HexFormat.of().formatHex(digest.digest());
      Path target = pathOf(hash);
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        return hash; // same bytes already stored; never overwrite
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        return hash;
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
      target.toFile().setReadOnly();
      return hash;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(pathOf(sha256));
  }

  @Override
  public InputStream openVerified(String sha256) throws IOException {
    Path file = pathOf(sha256);
    if (!Files.isRegularFile(file)) {
      throw new FlightdeckException(
          "The artifact " + sha256 + " is missing from the workspace store (" + file + ").",
          "Restore the workspace from a backup, or register the artifact again.");
    }
    String actual = hashOf(file);
    if (!actual.equals(sha256)) {
      throw new FlightdeckException(
          "The artifact file "
              + file
              + " has been altered: expected SHA-256 "
              + sha256
              + " but found "
              + actual
              + ".",
          "Do not use it; restore the file from a backup.");
    }
    return Files.newInputStream(file);
  }

  @Override
  public Path pathOf(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("Not a lower-case hex SHA-256: " + sha256);
    }
    return objects.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
  }

  /** SHA-256 of a file's bytes, lower-case hex. */
  public static String hashOf(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
