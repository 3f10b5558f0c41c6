package io.flightdeck.app.cli;

import io.flightdeck.app.jobs.LocalJobs;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.store.LocalWorkspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flightdeck jobs list|attach}: jobs that outlived the app that started them. */
@Command(
    name = "jobs",
    description = "Live jobs (the window re-attaches to them by itself on start).",
    mixinStandardHelpOptions = true,
    subcommands = {JobsCommand.ListCmd.class, JobsCommand.AttachCmd.class})
final class JobsCommand {
  @Command(name = "list", description = "Jobs not yet ended.", mixinStandardHelpOptions = true)
  static final class ListCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "One JSON array.")
    boolean json;

    @Override
    public Integer call() {
      FlightdeckCommand root = (FlightdeckCommand) spec.root().userObject();
      try (LocalWorkspace ws = root.openWorkspace()) {
        List<JobRecord> live = ws.tracking().repository().liveJobs();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          List<Map<String, Object>> rows = new ArrayList<>();
          for (JobRecord j : live) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("job", j.jobId());
            m.put("run", j.runId());
            m.put("host", j.host());
            m.put("kind", j.kind());
            m.put("state", j.state().name());
            m.put("storedSeq", j.ackedSeq());
            m.put("message", j.message());
            rows.add(m);
          }
          out.println(Json.write(rows));
        } else if (live.isEmpty()) {
          out.println("No live jobs.");
        } else {
          for (JobRecord j : live) {
            out.printf(
                "%s  run %s  %s  %s  %s%n", j.jobId(), j.runId(), j.host(), j.state(), j.message());
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "attach",
      description =
          "Re-attach to every live job, store their remaining events, wait until they end.",
      mixinStandardHelpOptions = true)
  static final class AttachCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        description = "Give up waiting after this.")
    long timeoutSeconds = 3600;

    @Override
    public Integer call() throws InterruptedException {
      FlightdeckCommand root = (FlightdeckCommand) spec.root().userObject();
      try (LocalWorkspace ws = root.openWorkspace();
          Fleet jobs = LocalJobs.open(ws, Clock.systemUTC())) {
        TrackingRepository repo = ws.tracking().repository();
        List<JobRecord> live = repo.liveJobs();
        jobs.reattach();
        int code = 0;
        PrintWriter out = spec.commandLine().getOut();
        for (JobRecord j : live) {
          JobRecord end = jobs.awaitEnd(j.jobId(), Duration.ofSeconds(timeoutSeconds));
          out.printf("%s  run %s  %s  %s%n", end.jobId(), end.runId(), end.state(), end.message());
          if (!end.state().terminal()) {
            code = 1;
          }
        }
        if (live.isEmpty()) {
          out.println("No live jobs.");
        }
        out.flush();
        return code;
      }
    }
  }
}
