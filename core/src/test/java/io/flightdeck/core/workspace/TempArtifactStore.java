package io.flightdeck.core.workspace;

import io.flightdeck.core.error.FlightdeckException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A content-addressed {@link ArtifactStore} in a test folder: flat files named by SHA-256. */
public final class TempArtifactStore implements ArtifactStore {
  private final Path root;

  public TempArtifactStore(Path root) throws IOException {
    this.root = Files.createDirectories(root);
  }

  @Override
  public synchronized String put(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    String hash = sha256(bytes);
    if (!Files.exists(pathOf(hash))) {
      Files.write(pathOf(hash), bytes);
    }
    return hash;
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(pathOf(sha256));
  }

  @Override
  public InputStream openVerified(String sha256) throws IOException {
    if (!contains(sha256)) {
      throw new FlightdeckException("Artifact " + sha256 + " is missing.", "");
    }
    byte[] bytes = Files.readAllBytes(pathOf(sha256));
    if (!sha256(bytes).equals(sha256)) {
      throw new FlightdeckException("Artifact " + sha256 + " was changed.", "");
    }
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public Path pathOf(String sha256) {
    return root.resolve(sha256);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
