package io.flightdeck.agent;

import io.flightdeck.core.error.FlightdeckException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command: its stdout and stderr become {@code log} events line by line, {@code
 * ##flightdeck} lines become data (see {@link Directives}), an MLflow-compatible endpoint serves
 * its run, and files under its output folder become artifacts when it ends. Cancel ends the whole
 * process tree (TERM, then KILL after 5 s).
 */
final class CommandJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(CommandJob.class);

  private static final int MAX_LOG_LINE = 16_000;

  private final JobSpec.Command spec;
  private final String runId;
  private final Path workdir;
  private final CountDownLatch killed = new CountDownLatch(1);
  private volatile Process process;
  private volatile boolean cancelled;
  private volatile boolean stopReading;

  CommandJob(JobSpec.Command spec, String runId, JobDir dir) {
    this.spec = spec;
    this.runId = runId;
    this.workdir = spec.workdir() == null ? dir.dir().resolve("work") : Path.of(spec.workdir());
  }

  @Override
  public Outcome run(Events events) throws Exception {
    if (spec.workdir() == null) {
      Files.createDirectories(workdir);
    } else if (!Files.isDirectory(workdir)) {
      return Outcome.failed("working directory not found: " + workdir);
    }
    RunRecorder recorder = new RunRecorder(events, runId);
    try (MlflowServer mlflow = MlflowServer.start(recorder, runId, spec)) {
      ProcessBuilder pb = new ProcessBuilder(spec.argv()).directory(workdir.toFile());
      pb.environment().putAll(spec.env());
      pb.environment().put("MLFLOW_TRACKING_URI", mlflow.uri());
      pb.environment().put("MLFLOW_RUN_ID", runId);
      pb.environment().put("MLFLOW_EXPERIMENT_ID", spec.experimentId());
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        return Outcome.failed(startFailure(spec.argv().get(0), e));
      }
      process = p;
      p.getOutputStream().close();
      events.status("running " + String.join(" ", spec.argv()) + " (pid " + p.pid() + ")");
      Directives directives = new Directives(recorder, runId);
      Thread out = pump(p.getInputStream(), "stdout", directives, events);
      Thread err = pump(p.getErrorStream(), "stderr", directives, events);
      int code = p.waitFor();
      // a grandchild may keep the pipes open: give the readers a moment, then stop reporting
      out.join(5_000);
      err.join(5_000);
      stopReading = true;
      if (cancelled) {
        killed.await(ProcessTrees.GRACE.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      }
      // no output folder, no artifacts (an empty name must not mean "the whole working folder")
      if (spec.outputDir() != null && !spec.outputDir().isBlank()) {
        Path outDir = workdir.resolve(spec.outputDir()).normalize();
        if (outDir.startsWith(workdir.normalize())) {
          Artifacts.report(outDir, "", events);
        } else {
          events.rejected(
              "The output folder '"
                  + spec.outputDir()
                  + "' is outside the working folder; no artifacts were collected.");
        }
      }
      if (cancelled) {
        return new Outcome("KILLED", code, "Cancelled.");
      }
      return code == 0
          ? new Outcome("FINISHED", 0, "")
          : new Outcome("FAILED", code, "The command exited with code " + code + ".");
    }
  }

  @Override
  public boolean cancel() {
    cancelled = true;
    Process p = process;
    if (p != null) {
      ProcessTrees.kill(p.toHandle(), true);
    }
    killed.countDown();
    return true;
  }

  private static String startFailure(String command, IOException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("error=2,") || m.contains("No such file")) {
      return "command not found: " + command;
    }
    if (m.contains("error=13,")) {
      return "permission denied: " + command + " is not executable";
    }
    throw new FlightdeckException("Cannot start " + command + ": " + m + ".", "Check the command.");
  }

  private Thread pump(InputStream in, String stream, Directives directives, Events events) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = r.readLine()) != null && !stopReading) {
                  if (!directives.handle(line)) {
                    events.log(
                        stream,
                        line.length() > MAX_LOG_LINE
                            ? line.substring(0, MAX_LOG_LINE) + "…"
                            : line);
                  }
                }
              } catch (IOException e) {
                LOG.warn("Reading the command's " + stream, e);
              }
            },
            "pump-" + stream);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Lists the regular files under a folder as artifact events. */
  static final class Artifacts {
    private Artifacts() {}

    static void report(Path root, String prefix, Events events) throws IOException {
      if (!Files.isDirectory(root)) {
        return;
      }
      List<Path> files = new ArrayList<>();
      try (var walk = Files.walk(root)) {
        // never follow links: a link in the output folder must not carry files from elsewhere
        walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
            .sorted()
            .forEach(files::add);
      }
      for (Path f : files) {
        String rel = prefix + root.relativize(f).toString().replace('\\', '/');
        try {
          io.flightdeck.core.tracking.TrackingNames.artifactPath(rel);
          events.emit(
              "artifact",
              Map.of(
                  "path", rel,
                  "sha256", Hashes.sha256(f),
                  "size", Files.size(f),
                  "file", f.toAbsolutePath().toString()));
        } catch (FlightdeckException e) {
          events.rejected(e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
          events.rejected(
              "The output file '" + rel + "' disappeared before it could be collected.");
        }
      }
    }
  }
}
