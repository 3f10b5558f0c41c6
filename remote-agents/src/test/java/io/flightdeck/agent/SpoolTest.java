package io.flightdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.agent.AgentEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  @TempDir Path home;

  @Test
  void segmentsRollReadersCrossThemAndAcksDeleteWholeSegments() throws Exception {
    JobDir dir = JobDir.of(home, Jobs.newId());
    Files.createDirectories(dir.dir());
    SpoolWriter w = new SpoolWriter(dir);
    String pad = "x".repeat(200);
    int n = 50_000; // ~13 MB: several 4 MB segments
    for (int i = 1; i <= n; i++) {
      w.emit("log", Map.of("stream", "stdout", "text", i + pad));
    }
    w.end("FINISHED", 0, "");

    List<JobDir.Segment> segs = dir.segments();
    assertThat(segs.size()).isGreaterThanOrEqualTo(3);
    List<AgentEvent> all = Jobs.read(dir, 1);
    assertThat(all).hasSize(n + 1);
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).seq()).isEqualTo(i + 1);
    }
    assertThat(dir.tail()).isEqualTo(new JobDir.Tail(n + 1, true));

    long acked = segs.get(2).firstSeq() + 5;
    dir.ack(acked);
    assertThat(dir.segments()).hasSize(segs.size() - 2);
    assertThat(dir.acked()).isEqualTo(acked);
    List<AgentEvent> rest = Jobs.read(dir, acked + 1);
    assertThat(rest.get(0).seq()).isEqualTo(acked + 1);
    assertThat(rest.get(rest.size() - 1).kind()).isEqualTo("ended");
    assertThat(rest).hasSize((int) (n + 1 - acked));
  }

  @Test
  void aReaderNeverSeesAPartialLine() throws Exception {
    JobDir dir = JobDir.of(home, Jobs.newId());
    Files.createDirectories(dir.dir());
    Files.writeString(
        dir.dir().resolve(JobDir.segmentName(1)),
        "{\"job\":\""
            + dir.job()
            + "\",\"kind\":\"log\",\"seq\":1,\"ts\":1,\"type\":\"event\"}\n{\"job\":\"half");
    assertThat(Jobs.read(dir, 1)).hasSize(1);
    assertThat(dir.tail().lastSeq()).isEqualTo(1);
  }
}
