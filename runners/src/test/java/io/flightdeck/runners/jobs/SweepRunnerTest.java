package io.flightdeck.runners.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.SampleData;
import io.flightdeck.core.jobs.SweepService.Trial;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.runners.agent.LocalAgentConnector;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep on the local agent: a wrong trial is given up before any job starts, the rest run. */
class SweepRunnerTest {
  @TempDir Path dir;

  @Test
  void aWrongTrialIsGivenUpAtOnceAndTheOthersRun() throws Exception {
    try (LocalWorkspace ws =
        LocalWorkspace.open(dir.resolve("ws"), Clock.systemUTC(), () -> "tester")) {
      ws.datasets().loadSample(ImportProgress.NONE);
      List<String> status = new CopyOnWriteArrayList<>();
      try (Fleet fleet =
          new Fleet(
              ws.tracking(),
              ws.datasets(),
              ws.artifacts(),
              ws.audit(),
              h -> LocalAgentConnector.fromCurrentJvm(dir.resolve("ws/agent")),
              Clock.systemUTC())) {
        List<Trial> results =
            new SweepRunner(fleet, ws.tracking())
                .run(
                    "s",
                    new TrainRequest(
                        new DatasetRef(SampleData.DATASET, 1),
                        "weather",
                        List.of(),
                        "logistic",
                        Map.of(),
                        "sweeps",
                        ""),
                    List.of(Map.of("epochs", "2"), Map.of("epochs", "-1")),
                    Map.of("local", 1),
                    status::add);
        assertThat(results.get(0).job().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(results.get(1).job()).isNull();
        assertThat(results.get(1).error()).contains("epochs");
        assertThat(status).anyMatch(s -> s.contains("trial 2 is wrong"));
        assertThat(ws.tracking().repository().runRows(null)).hasSize(1);
      }
    }
  }
}
