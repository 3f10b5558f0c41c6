package io.flightdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.agent.AgentCodec;
import io.flightdeck.core.agent.AgentEvent;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spool on a disk that runs full: nothing torn, nothing lost, the reason told to the app. */
class SpoolFailureTest {
  @TempDir Path home;
  private final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
  private final AtomicInteger failures = new AtomicInteger();

  private JobDir newJob() throws Exception {
    JobDir dir = JobDir.of(home, Jobs.newId());
    Files.createDirectories(dir.dir());
    return dir;
  }

  private SpoolWriter writer(JobDir dir, int maxPending) {
    return new SpoolWriter(
        dir,
        p ->
            new FailingChannel(
                FileChannel.open(
                    p,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND),
                budget,
                failures),
        20,
        maxPending);
  }

  private static void log(SpoolWriter w, String text) {
    w.emit("log", Map.of("stream", "stdout", "text", text));
  }

  @Test
  void aFullDiskCutsTheTornLineHoldsTheJobBackAndLosesNothing() throws Exception {
    JobDir dir = newJob();
    SpoolWriter w = writer(dir, 16 * 1024);
    for (int i = 1; i <= 10; i++) {
      log(w, "line " + i);
    }
    await(() -> Jobs.read(dir, 1).size() == 10);

    budget.set(150); // room for one more line (~130 bytes) and part of the next
    for (int i = 11; i <= 30; i++) {
      log(w, "line " + i);
    }
    await(() -> w.waiting() && failures.get() >= 3);
    byte[] segment = Files.readAllBytes(dir.dir().resolve(JobDir.segmentName(1)));
    assertThat(segment[segment.length - 1]).isEqualTo((byte) '\n');
    assertThat(Jobs.read(dir, 1)).hasSize(11);
    assertThat(new String(segment, StandardCharsets.UTF_8).split("\n")).hasSize(11);
    assertThat(SpoolState.read(dir.spoolStateFile()).orElseThrow().message())
        .startsWith("waiting: the host's disk is full at " + dir.dir() + " (")
        .endsWith(" bytes free); the job is paused until space is freed");

    // the writer holds at most ~16 KiB more: a job emitting 200 KiB is held back
    AtomicLong emitted = new AtomicLong(30);
    Thread job =
        new Thread(
            () -> {
              for (int i = 31; i <= 230; i++) {
                log(w, i + " " + "x".repeat(1000));
                emitted.set(i);
              }
            });
    job.start();
    job.join(1000);
    assertThat(job.isAlive()).isTrue();
    assertThat(emitted.get()).isLessThan(60);

    budget.set(Long.MAX_VALUE); // space is freed
    job.join(30_000);
    assertThat(job.isAlive()).isFalse();
    w.end("FINISHED", 0, "");

    List<AgentEvent> all = Jobs.read(dir, 1);
    assertThat(all).hasSize(231);
    TrainJobTest.assertSeqContiguous(all);
    for (int i = 1; i <= 230; i++) {
      assertThat(all.get(i - 1).text("text", "")).startsWith(i <= 30 ? "line " + i : i + " ");
    }
    assertThat(SpoolState.read(dir.spoolStateFile())).isEmpty();
    assertThat(w.waiting()).isFalse();
  }

  @Test
  void aReaderSkipsATornTailOfAFinishedSegment() throws Exception {
    JobDir dir = newJob();
    String line =
        "{\"job\":\"" + dir.job() + "\",\"kind\":\"log\",\"seq\":%d,\"ts\":1,\"type\":\"event\"}";
    Files.writeString(
        dir.dir().resolve(JobDir.segmentName(1)), String.format(line, 1) + "\n{\"job\":\"half");
    Files.writeString(dir.dir().resolve(JobDir.segmentName(2)), String.format(line, 2) + "\n");
    assertThat(Jobs.read(dir, 1)).extracting(AgentEvent::seq).containsExactly(1L, 2L);
    assertThat(dir.tail().lastSeq()).isEqualTo(2);
  }

  @Test
  void serveTellsTheAppWhyTheJobWaitsAndWhenItGoesOn() throws Exception {
    JobDir dir = newJob();
    dir.writePid(); // this JVM stands in for the supervisor
    SpoolWriter w = writer(dir, 1 << 20);
    Lines sink = new Lines();
    ProtocolOutput out = new ProtocolOutput(sink);
    JobFollower follower = new JobFollower(dir, 1, out);
    follower.start();
    try {
      for (int i = 1; i <= 5; i++) {
        log(w, "line " + i);
      }
      sink.await(m -> Long.valueOf(5).equals(seq(m)));
      budget.set(0);
      for (int i = 6; i <= 10; i++) {
        log(w, "line " + i);
      }
      Map<String, Object> waiting = sink.await(m -> "status".equals(m.get("type")));
      assertThat(waiting)
          .containsOnlyKeys("type", "job", "waiting", "message")
          .containsEntry("job", dir.job())
          .containsEntry("waiting", true);
      assertThat((String) waiting.get("message"))
          .startsWith("waiting: the host's disk is full at " + dir.dir());

      budget.set(Long.MAX_VALUE);
      w.end("FINISHED", 0, "");
      Map<String, Object> resumed =
          sink.await(m -> "status".equals(m.get("type")) && Boolean.FALSE.equals(m.get("waiting")));
      assertThat(resumed).containsEntry("message", JobFollower.RESUMED);
      sink.await(m -> "ended".equals(m.get("kind")));
      List<Long> seqs =
          sink.messages().stream()
              .filter(m -> "event".equals(m.get("type")))
              .map(SpoolFailureTest::seq)
              .toList();
      assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
      assertThat(sink.messages().stream().filter(m -> "status".equals(m.get("type")))).hasSize(2);
    } finally {
      follower.stop();
      out.close();
    }
  }

  private static Long seq(Map<String, Object> m) {
    return m.get("seq") instanceof Number n ? n.longValue() : null;
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!condition.call()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(10);
    }
  }

  /** The session's stdout, kept in memory. */
  private static final class Lines extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    synchronized List<Map<String, Object>> messages() {
      List<Map<String, Object>> out = new ArrayList<>();
      for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(AgentCodec.read(line));
        }
      }
      return out;
    }

    Map<String, Object> await(Predicate<Map<String, Object>> match) throws Exception {
      long deadline = System.currentTimeMillis() + 30_000;
      while (true) {
        for (Map<String, Object> m : messages()) {
          if (match.test(m)) {
            return m;
          }
        }
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("timed out; got " + messages());
        }
        Thread.sleep(10);
      }
    }
  }
}
