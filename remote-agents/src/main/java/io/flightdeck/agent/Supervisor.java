package io.flightdeck.agent;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code supervise JOBDIR} mode: runs one job in this process, the only writer of its spool.
 * Writes the pid, {@code started}, the job's events and always {@code ended} (also for a job that
 * throws). While the job runs, a {@link HostSampler} reports the host's CPU, memory and GPUs as
 * system metrics every {@code systemMetricsSeconds}. A cancel request is a {@code cancel} file in
 * the job folder, polled every 100 ms. When the spool's disk is full, the {@link SpoolWriter} holds
 * the job back until it can write again, so the supervisor outlives a job that has ended until its
 * last event is on disk.
 */
final class Supervisor {
  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

  private final JobDir dir;

  Supervisor(JobDir dir) {
    this.dir = dir;
  }

  /** Runs the job; returns the process exit status (0 once {@code ended} is written). */
  int run() throws IOException {
    Map<String, Object> request = Json.readObject(Files.readString(dir.request()));
    String run = String.valueOf(request.get("run"));
    @SuppressWarnings("unchecked")
    Map<String, Object> specMap = (Map<String, Object>) request.get("spec");
    dir.writePid();
    SpoolWriter spool = new SpoolWriter(dir);
    spool.emit("started", Map.of("pid", ProcessHandle.current().pid()));
    Job.Outcome outcome;
    Job job = null;
    Thread watcher = null;
    try {
      JobSpec spec = JobSpec.parse(specMap);
      job =
          spec instanceof JobSpec.Train t
              ? new TrainJob(t, dir.outDir())
              : new CommandJob((JobSpec.Command) spec, run, dir);
      watcher = watchCancel(job, spool);
      try (HostSampler sampler =
          HostSampler.forHost(spool, spec.systemMetricsSeconds(), dir.job())) {
        sampler.start();
        outcome = job.run(spool);
      }
    } catch (FlightdeckException e) {
      outcome = Job.Outcome.failed(e.getMessage());
    } catch (Exception | LinkageError e) {
      LOG.warn("Job " + dir.job() + " failed", e);
      outcome = Job.Outcome.failed("The job failed unexpectedly: " + e);
    }
    if (watcher != null) {
      watcher.interrupt();
    }
    spool.end(outcome.status(), outcome.exitCode(), outcome.message());
    return 0;
  }

  private Thread watchCancel(Job job, SpoolWriter spool) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (!Files.exists(dir.cancelFile())) {
                  Thread.sleep(100);
                }
                LOG.info("Cancel requested for job " + dir.job());
                if (!job.cancel()) {
                  spool.end("KILLED", null, "Cancelled.");
                  Runtime.getRuntime().halt(0);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException e) {
                LOG.warn("Could not end job " + dir.job() + " after a cancel", e);
                Runtime.getRuntime().halt(1);
              }
            },
            "cancel-watcher");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
