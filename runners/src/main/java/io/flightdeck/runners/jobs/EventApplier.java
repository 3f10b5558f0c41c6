package io.flightdeck.runners.jobs;

import io.flightdeck.core.agent.AgentEvent;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.tracking.JobProgress;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.RunLogLine;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.Tag;
import io.flightdeck.core.tracking.TrackingNames;
import io.flightdeck.core.workspace.ArtifactStore;
import io.flightdeck.runners.agent.AgentConnector;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a contiguous range of one job's events into one {@link JobProgress}: metrics, params and
 * tags in batches within MLflow's limits, log lines, artifacts copied into the workspace's store
 * (hash checked), and the end of the run.
 *
 * <p>Threading: stateless apart from its collaborators; call from one thread per job.
 */
final class EventApplier {
  private final ArtifactStore artifacts;

  EventApplier(ArtifactStore artifacts) {
    this.artifacts = artifacts;
  }

  /**
   * Builds the progress for events (seq ascending, all of {@code jobId}).
   *
   * @param connector where artifact files are read from
   */
  JobProgress progress(
      String jobId, String runId, List<AgentEvent> events, AgentConnector connector) {
    List<Metric> metrics = new ArrayList<>();
    List<Param> params = new ArrayList<>();
    List<Tag> tags = new ArrayList<>();
    List<RunLogLine> log = new ArrayList<>();
    List<RunArtifact> arts = new ArrayList<>();
    RunStatus status = null;
    Instant end = null;
    JobState state = null;
    String message = null;
    for (AgentEvent e : events) {
      try {
        switch (e.kind()) {
          case "metric" ->
              metrics.add(
                  TrackingNames.metric(
                      new Metric(
                          e.text("key", ""),
                          e.value("value"),
                          e.number("mts", e.ts()),
                          e.number("step", 0))));
          case "param" ->
              params.add(TrackingNames.param(new Param(e.text("key", ""), e.text("value", ""))));
          case "tag" ->
              tags.add(TrackingNames.tag(new Tag(e.text("key", ""), e.text("value", ""))));
          case "log" ->
              log.add(
                  new RunLogLine(e.seq(), e.ts(), e.text("stream", "stdout"), e.text("text", "")));
          case "rejected" ->
              log.add(
                  new RunLogLine(e.seq(), e.ts(), "agent", "rejected: " + e.text("message", "")));
          case "status" -> {
            message = e.text("message", "");
            log.add(new RunLogLine(e.seq(), e.ts(), "agent", message));
          }
          case "started" -> {
            state = JobState.RUNNING;
            message = "running";
          }
          case "artifact" -> arts.add(copyArtifact(e, connector));
          case "ended" -> {
            status = runStatus(e.text("status", "FAILED"));
            end = Instant.ofEpochMilli(e.ts());
            state = jobState(status);
            message = endMessage(e, status);
            log.add(new RunLogLine(e.seq(), e.ts(), "agent", message));
          }
          default ->
              log.add(
                  new RunLogLine(
                      e.seq(), e.ts(), "agent", "unknown event '" + e.kind() + "' ignored"));
        }
      } catch (FlightdeckException ex) {
        log.add(new RunLogLine(e.seq(), e.ts(), "agent", "rejected: " + ex.oneLine()));
      }
    }
    long upTo = events.get(events.size() - 1).seq();
    return new JobProgress(
        jobId, upTo, batches(runId, metrics, params, tags), log, arts, status, end, state, message);
  }

  private RunArtifact copyArtifact(AgentEvent e, AgentConnector connector) {
    String path = TrackingNames.artifactPath(e.text("path", ""));
    String expected = e.text("sha256", "");
    String file = e.text("file", "");
    String stored;
    try (InputStream in = connector.openFile(file)) {
      stored = artifacts.put(in);
    } catch (IOException ex) {
      throw new FlightdeckException(
          "The artifact '"
              + path
              + "' could not be fetched from "
              + connector.host()
              + ": "
              + ex.getMessage(),
          "The run keeps its other data; rerun the job to get the artifact.",
          ex);
    }
    if (!stored.equals(expected)) {
      throw new FlightdeckException(
          "The artifact '"
              + path
              + "' arrived with SHA-256 "
              + stored
              + " but the agent reported "
              + expected
              + ".",
          "The file changed on the host after the job wrote it; rerun the job.");
    }
    long size = e.number("size", -1);
    return new RunArtifact(path, stored, size);
  }

  static List<RunBatch> batches(String runId, List<Metric> ms, List<Param> ps, List<Tag> ts) {
    List<RunBatch> out = new ArrayList<>();
    int mi = 0;
    int pi = 0;
    int ti = 0;
    while (mi < ms.size() || pi < ps.size() || ti < ts.size()) {
      int mEnd = Math.min(ms.size(), mi + TrackingNames.MAX_BATCH_METRICS);
      int pEnd = Math.min(ps.size(), pi + TrackingNames.MAX_BATCH_PARAMS);
      int tEnd = Math.min(ts.size(), ti + TrackingNames.MAX_BATCH_TAGS);
      out.add(
          new RunBatch(runId, ms.subList(mi, mEnd), ps.subList(pi, pEnd), ts.subList(ti, tEnd)));
      mi = mEnd;
      pi = pEnd;
      ti = tEnd;
    }
    return out;
  }

  private static RunStatus runStatus(String s) {
    return switch (s) {
      case "FINISHED" -> RunStatus.FINISHED;
      case "KILLED" -> RunStatus.KILLED;
      default -> RunStatus.FAILED;
    };
  }

  static JobState jobState(RunStatus s) {
    return switch (s) {
      case FINISHED -> JobState.SUCCEEDED;
      case KILLED -> JobState.CANCELLED;
      case FAILED -> JobState.FAILED;
      case RUNNING -> JobState.RUNNING;
    };
  }

  private static String endMessage(AgentEvent e, RunStatus status) {
    String msg = e.text("message", "");
    long exit = e.number("exitCode", Long.MIN_VALUE);
    StringBuilder b = new StringBuilder(status.name().toLowerCase(java.util.Locale.ROOT));
    if (exit != Long.MIN_VALUE) {
      b.append(" (exit code ").append(exit).append(')');
    }
    if (!msg.isEmpty()) {
      b.append(": ").append(msg);
    }
    return b.toString();
  }
}
