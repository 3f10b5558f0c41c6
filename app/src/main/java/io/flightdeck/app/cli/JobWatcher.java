package io.flightdeck.app.cli;

import io.flightdeck.core.jobs.JobService;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.MetricSummary;
import io.flightdeck.core.tracking.RunLogLine;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.TrackingRepository;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Follows a job on the command line: prints its log as it is stored, then a summary. */
final class JobWatcher {
  private JobWatcher() {}

  /**
   * Prints log lines until the job is terminal.
   *
   * @return the process exit code: 0 succeeded, 1 failed or lost, 130 cancelled
   */
  static int follow(JobService jobs, TrackingRepository repo, JobRecord job, PrintWriter out)
      throws InterruptedException {
    out.printf("Run %s (job %s) on %s%n", job.runId(), job.jobId(), job.host());
    out.flush();
    long after = 0;
    JobRecord now = job;
    while (true) {
      List<RunLogLine> lines = repo.log(job.runId(), after, 1000);
      for (RunLogLine l : lines) {
        out.println((l.stream().equals("stdout") ? "" : "[" + l.stream() + "] ") + l.text());
        after = l.seq();
      }
      out.flush();
      if (lines.isEmpty()) {
        if (now.state().terminal()) {
          break;
        }
        now = jobs.awaitEnd(job.jobId(), java.time.Duration.ofMillis(200));
      }
    }
    RunRow row = repo.runRow(job.runId()).orElseThrow();
    out.printf("Run %s ended %s: %s%n", job.runId(), row.info().status(), now.message());
    for (Map.Entry<String, MetricSummary> m : row.metrics().entrySet()) {
      if (!m.getKey().startsWith("train/") && !m.getKey().startsWith("system/")) {
        out.printf("  %s = %s%n", m.getKey(), m.getValue().last());
      }
    }
    out.flush();
    return now.state() == JobState.SUCCEEDED ? 0 : now.state() == JobState.CANCELLED ? 130 : 1;
  }
}
