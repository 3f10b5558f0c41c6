package io.flightdeck.store.registry;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelInspection;
import io.flightdeck.core.registry.ModelInspector;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.TensorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the agent's inspector (tested with real ONNX models elsewhere): accepts files that
 * start with {@link #HEADER} and answers a fixed signature.
 */
final class FakeInspector implements ModelInspector {
  static final byte[] HEADER = "ONNXTEST".getBytes(StandardCharsets.US_ASCII);
  static final ModelSignature SIGNATURE =
      new ModelSignature(
          List.of(new TensorSpec("input", "float", List.of(-1L, 4L))),
          List.of(new TensorSpec("probabilities", "float", List.of(-1L, 3L))),
          8,
          17,
          "test",
          "1",
          List.of("a", "b", "c", "d"),
          List.of("x", "y", "z"));

  final AtomicInteger calls = new AtomicInteger();
  volatile Path lastSidecar;

  @Override
  public ModelInspection inspect(Path onnxFile, Path sidecarJson) {
    calls.incrementAndGet();
    lastSidecar = sidecarJson;
    byte[] head = new byte[HEADER.length];
    try (InputStream in = Files.newInputStream(onnxFile)) {
      int n = in.readNBytes(head, 0, head.length);
      if (n < head.length || !Arrays.equals(head, HEADER)) {
        throw new FlightdeckException(
            onnxFile + " is not an ONNX model (it does not start with an ONNX header).",
            "Choose an .onnx file.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ModelInspection(SIGNATURE, "probabilities [0.1, 0.2, 0.7]", "classification");
  }

  /** Writes a model file the fake accepts; {@code salt} makes its bytes (and hash) distinct. */
  static Path model(Path dir, String name, String salt) throws IOException {
    Files.createDirectories(dir);
    byte[] body = ("|" + salt + "|" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[HEADER.length + body.length];
    System.arraycopy(HEADER, 0, all, 0, HEADER.length);
    System.arraycopy(body, 0, all, HEADER.length, body.length);
    return Files.write(dir.resolve(name), all);
  }
}
