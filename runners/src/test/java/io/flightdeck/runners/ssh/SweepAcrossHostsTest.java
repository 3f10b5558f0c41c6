package io.flightdeck.runners.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.SampleData;
import io.flightdeck.core.jobs.SweepPlan;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.runners.jobs.SweepRunner;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grid sweep of six trainings over three SSH hosts, one job at a time on each. */
class SweepAcrossHostsTest {
  @TempDir Path dir;

  @Test
  void sixRunsOverThreeHostsAreAllTrackedAndTagged() throws Exception {
    List<Sshd> servers = new ArrayList<>();
    try (LocalWorkspace ws =
        LocalWorkspace.open(dir.resolve("ws"), Clock.systemUTC(), () -> "tester")) {
      SshFleet wiring = new SshFleet(ws);
      Map<String, Integer> limits = new LinkedHashMap<>();
      for (int i = 1; i <= 3; i++) {
        Sshd s = Sshd.start(dir.resolve("sshd" + i));
        servers.add(s);
        wiring.addHost("node" + i, s);
        limits.put("node" + i, 1);
      }
      ws.datasets().loadSample(ImportProgress.NONE);
      List<Map<String, String>> trials =
          SweepPlan.grid(
              Map.of("epochs", List.of("2", "3"), "learningRate", List.of("0.05", "0.1", "0.5")));
      assertThat(trials).hasSize(6);
      List<String> status = new CopyOnWriteArrayList<>();
      try (Fleet fleet = wiring.fleet()) {
        List<io.flightdeck.core.jobs.SweepService.Trial> results =
            new SweepRunner(fleet, ws.tracking())
                .run(
                    "grid1",
                    new TrainRequest(
                        new DatasetRef(SampleData.DATASET, 1),
                        "weather",
                        List.of(),
                        "logistic",
                        Map.of(),
                        "sweeps",
                        ""),
                    trials,
                    limits,
                    status::add);
        assertThat(results).hasSize(6);
        assertThat(results)
            .allSatisfy(
                t -> {
                  assertThat(t.job()).as(String.valueOf(t.error())).isNotNull();
                  assertThat(t.job().state()).as(t.job().message()).isEqualTo(JobState.SUCCEEDED);
                });
        assertThat(
                results.stream().map(io.flightdeck.core.jobs.SweepService.Trial::host).distinct())
            .containsExactlyInAnyOrder("node1", "node2", "node3");
      }
      assertThat(status).anyMatch(s -> s.contains("queued: no free slot"));
      List<RunRow> rows =
          ws.tracking().repository().runRows(null).stream()
              .filter(r -> "grid1".equals(r.tags().get("flightdeck.sweep")))
              .toList();
      assertThat(rows).hasSize(6);
      assertThat(
              rows.stream()
                  .map(r -> r.params().get("epochs") + "/" + r.params().get("learningRate")))
          .containsExactlyInAnyOrder("2/0.05", "2/0.1", "2/0.5", "3/0.05", "3/0.1", "3/0.5");
      assertThat(rows).allSatisfy(r -> assertThat(r.metrics()).containsKey("train/loss"));
    } finally {
      servers.forEach(Sshd::close);
    }
  }
}
