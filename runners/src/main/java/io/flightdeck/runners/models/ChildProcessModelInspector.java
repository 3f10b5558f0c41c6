package io.flightdeck.runners.models;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.registry.ModelInspection;
import io.flightdeck.core.registry.ModelInspector;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.TensorSpec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Opens a candidate model in a child JVM ({@code <java> -cp <classpath>
 * io.flightdeck.agent.AgentMain inspect FILE [--sidecar model.json]}), so that whatever the file
 * does to ONNX Runtime's native code, only the child dies. The child prints one JSON line: the
 * signature, task and sample output, or a refusal ({@code error}, {@code hint}, exit 3). A child
 * that dies, prints nothing usable, or runs past the timeout (it is then killed with its
 * descendants) means the file is refused.
 *
 * <p>Threading: blocking (up to the timeout, 60 s by default); call off the UI thread; thread-safe,
 * each call runs its own child. Interrupting the calling thread kills the child.
 */
public final class ChildProcessModelInspector implements ModelInspector {
  /** The agent's main class. */
  public static final String MAIN = "io.flightdeck.agent.AgentMain";

  /** The agent's exit code for a refused file (with its JSON error line). */
  static final int REFUSED = 3;

  private static final int MAX_OUTPUT = 4 << 20;
  private static final int STDERR_TAIL = 4096;
  private static final String HINT =
      "Export the model to ONNX again (torch.onnx.export, skl2onnx, tf2onnx or Tribuo) and"
          + " register the new file.";

  private final List<String> command;
  private final Duration timeout;

  /**
   * @param java the java executable
   * @param classPath a class path holding the agent and its libraries (ONNX Runtime, Tribuo)
   * @param timeout how long the child may take before it is killed and the file refused
   */
  public ChildProcessModelInspector(Path java, String classPath, Duration timeout) {
    this(
        List.of(
            java.toString(),
            "-Xshare:auto",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-CreateCoredumpOnCrash",
            "-XX:ErrorFile="
                + Path.of(System.getProperty("java.io.tmpdir"), "flightdeck-inspect-hs_err_%p.log"),
            "-cp",
            classPath,
            MAIN),
        timeout);
  }

  /**
   * @param command the command before {@code inspect FILE ...} (tests put a stand-in here)
   */
  ChildProcessModelInspector(List<String> command, Duration timeout) {
    this.command = List.copyOf(command);
    this.timeout = timeout;
  }

  /** An inspector running the agent with the current JVM's java and class path, 60 s timeout. */
  public static ChildProcessModelInspector fromCurrentJvm() {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    String cp =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> !e.isEmpty())
            .map(e -> Path.of(e).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    return new ChildProcessModelInspector(javaBin, cp, Duration.ofSeconds(60));
  }

  /**
   * @throws FlightdeckException naming the file: refused by the agent (with its reason), crashed
   *     the child, timed out, or the child could not start
   */
  @Override
  public ModelInspection inspect(Path onnxFile, Path sidecarJson) {
    Path file = onnxFile.toAbsolutePath();
    List<String> cmd = new ArrayList<>(command);
    cmd.add("inspect");
    cmd.add(file.toString());
    if (sidecarJson != null) {
      cmd.add("--sidecar");
      cmd.add(sidecarJson.toAbsolutePath().toString());
    }
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
      p.getOutputStream().close();
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot start the model inspector for " + file + ": " + e.getMessage(),
          "Check that " + cmd.get(0) + " exists.",
          e);
    }
    CompletableFuture<byte[]> out = drain(p.getInputStream(), false);
    CompletableFuture<byte[]> err = drain(p.getErrorStream(), true);
    int code;
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        throw new FlightdeckException(
            "Inspecting "
                + file
                + " took longer than "
                + seconds(timeout)
                + "; the inspection was stopped and the file is refused.",
            "A valid model loads in seconds: " + HINT);
      }
      code = p.exitValue();
    } catch (InterruptedException e) {
      kill(p);
      Thread.currentThread().interrupt();
      throw new FlightdeckException("Inspecting " + file + " was cancelled.", "", e);
    }
    String stdout = new String(get(out), StandardCharsets.UTF_8);
    Map<String, Object> line = lastJsonLine(stdout);
    if (line != null && code == 0 && line.get("signature") instanceof Map<?, ?> sig) {
      return new ModelInspection(
          signature(sig), text(line.get("sampleOutput")), text(line.get("task")));
    }
    if (line != null && code == REFUSED && line.get("error") instanceof String error) {
      throw new FlightdeckException(error, text(line.get("hint")));
    }
    String stderr = new String(get(err), StandardCharsets.UTF_8).strip();
    throw new FlightdeckException(
        "ONNX Runtime crashed while loading "
            + file
            + " (exit code "
            + code
            + "); the file is refused.",
        (code > 128 ? "The inspector was killed by signal " + (code - 128) + ". " : "") + HINT,
        stderr.isEmpty() ? null : new IOException("inspector's last output: " + stderr));
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads a stream to its end, keeping its first (or, for {@code tail}, last) bytes. */
  private static CompletableFuture<byte[]> drain(InputStream in, boolean tail) {
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              ByteArrayOutputStream kept = new ByteArrayOutputStream();
              byte[] buf = new byte[8192];
              try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                  if (tail) {
                    kept.write(buf, 0, n);
                    if (kept.size() > 2 * STDERR_TAIL) {
                      byte[] all = kept.toByteArray();
                      kept.reset();
                      kept.write(all, all.length - STDERR_TAIL, STDERR_TAIL);
                    }
                  } else if (kept.size() < MAX_OUTPUT) {
                    kept.write(buf, 0, Math.min(n, MAX_OUTPUT - kept.size()));
                  }
                }
              } catch (IOException e) {
                // the child is gone; what was read so far is all there is
              }
              f.complete(kept.toByteArray());
            },
            "flightdeck-inspect-reader");
    t.setDaemon(true);
    t.start();
    return f;
  }

  private static byte[] get(CompletableFuture<byte[]> f) {
    try {
      return f.get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new byte[0];
    } catch (ExecutionException | TimeoutException e) {
      // a grandchild may hold the pipe open; the child itself has ended
      return new byte[0];
    }
  }

  /** The last line that is a JSON object (a crashing JVM may print its report before it). */
  static Map<String, Object> lastJsonLine(String stdout) {
    String[] lines = stdout.split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      String l = lines[i].strip();
      if (l.startsWith("{")) {
        try {
          return Json.readObject(l);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  static ModelSignature signature(Map<?, ?> m) {
    return new ModelSignature(
        specs(m.get("inputs")),
        specs(m.get("outputs")),
        whole(m.get("irVersion")),
        whole(m.get("opset")),
        text(m.get("producer")),
        text(m.get("producerVersion")),
        strings(m.get("featureNames")),
        strings(m.get("labels")));
  }

  private static List<TensorSpec> specs(Object o) {
    List<TensorSpec> specs = new ArrayList<>();
    if (o instanceof List<?> list) {
      for (Object x : list) {
        if (x instanceof Map<?, ?> t) {
          List<Long> shape = new ArrayList<>();
          if (t.get("shape") instanceof List<?> dims) {
            dims.forEach(d -> shape.add(whole(d)));
          }
          specs.add(new TensorSpec(text(t.get("name")), text(t.get("elementType")), shape));
        }
      }
    }
    return specs;
  }

  private static List<String> strings(Object o) {
    return o instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  private static long whole(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
