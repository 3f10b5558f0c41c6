package io.flightdeck.agent;

import io.flightdeck.core.io.AtomicFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One job's folder under {@code <home>/jobs/<job>/}: its request ({@code job.json}), the
 * supervisor's pid, the event spool (segments {@code events-<first seq>.jsonl}), the acknowledged
 * seq ({@code acked}), the cancel marker and the spool writer's state ({@code spool-state}).
 * Stateless: every method reads the disk, so any thread and any process (serve sessions, the
 * supervisor) may use it.
 */
public final class JobDir {
  /** A spool segment rolls over after this many bytes. */
  static final long SEGMENT_BYTES = 4L << 20;

  private static final Pattern JOB_ID = Pattern.compile("^[0-9a-f]{32}$");
  private static final Pattern SEGMENT = Pattern.compile("^events-(\\d{12})\\.jsonl$");
  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
  private static final byte[] ENDED = "\"kind\":\"ended\"".getBytes(StandardCharsets.UTF_8);

  private final Path dir;

  public JobDir(Path dir) {
    this.dir = dir;
  }

  /** The folder of job {@code job} under {@code home}; the id must be 32 lowercase hex. */
  public static JobDir of(Path home, String job) {
    if (job == null || !JOB_ID.matcher(job).matches()) {
      throw new IllegalArgumentException("'" + job + "' is not a job id (32 lowercase hex)");
    }
    return new JobDir(home.resolve("jobs").resolve(job));
  }

  public Path dir() {
    return dir;
  }

  public String job() {
    return dir.getFileName().toString();
  }

  public Path request() {
    return dir.resolve("job.json");
  }

  public Path pidFile() {
    return dir.resolve("pid");
  }

  public Path ackedFile() {
    return dir.resolve("acked");
  }

  public Path cancelFile() {
    return dir.resolve("cancel");
  }

  /** The supervisor's "waiting for disk space" state, read by serve ({@link SpoolState}). */
  public Path spoolStateFile() {
    return dir.resolve("spool-state");
  }

  public Path outDir() {
    return dir.resolve("out");
  }

  public Path log() {
    return dir.resolve("supervisor.log");
  }

  static String segmentName(long firstSeq) {
    return String.format("events-%012d.jsonl", firstSeq);
  }

  /** The spool's segments, oldest first, as (first seq, path). */
  public List<Segment> segments() throws IOException {
    List<Segment> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          p -> {
            Matcher m = SEGMENT.matcher(p.getFileName().toString());
            if (m.matches()) {
              out.add(new Segment(Long.parseLong(m.group(1)), p));
            }
          });
    } catch (NoSuchFileException e) {
      return out;
    }
    out.sort((a, b) -> Long.compare(a.firstSeq(), b.firstSeq()));
    return out;
  }

  /** A spool file holding events from {@code firstSeq} on. */
  public record Segment(long firstSeq, Path path) {}

  /** The supervisor's process while it runs. */
  public Optional<ProcessHandle> supervisor() {
    try {
      String[] parts = Files.readString(pidFile()).trim().split(" ");
      long pid = Long.parseLong(parts[0]);
      long started = parts.length > 1 ? Long.parseLong(parts[1]) : -1;
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              h ->
                  started < 0
                      || h.info()
                          .startInstant()
                          .map(i -> i.toEpochMilli() == started)
                          .orElse(true));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Records the current process as the supervisor (pid and start time, against pid reuse). */
  void writePid() throws IOException {
    ProcessHandle self = ProcessHandle.current();
    long started = self.info().startInstant().map(i -> i.toEpochMilli()).orElse(-1L);
    AtomicFiles.writeString(pidFile(), self.pid() + " " + started + "\n");
  }

  public long acked() {
    try {
      return Long.parseLong(Files.readString(ackedFile()).trim());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Records that the app stored every event up to {@code seq} and deletes segments that hold only
   * such events (never the newest one, which the supervisor may still append to).
   */
  public void ack(long seq) throws IOException {
    if (seq <= acked()) {
      return;
    }
    // Segments go first: on a full disk that frees the space the ack file needs, and the app's
    // stored seq (not this file) decides where a re-attach starts, so nothing depends on the
    // file having been written before the segments went.
    List<Segment> segs = segments();
    for (int i = 0; i + 1 < segs.size(); i++) {
      if (segs.get(i + 1).firstSeq() - 1 <= seq) {
        Files.deleteIfExists(segs.get(i).path());
      }
    }
    AtomicFiles.writeString(ackedFile(), seq + "\n");
  }

  /** The last complete event's seq and whether it is {@code ended}; (0, false) when none. */
  public Tail tail() throws IOException {
    List<Segment> segs = segments();
    for (int i = segs.size() - 1; i >= 0; i--) {
      Optional<Tail> t = lastLine(segs.get(i).path());
      if (t.isPresent()) {
        return t.get();
      }
    }
    return new Tail(0, false);
  }

  /** The spool's last seq and whether the job has ended. */
  public record Tail(long lastSeq, boolean ended) {}

  private static Optional<Tail> lastLine(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, 256 * 1024);
      byte[] buf = new byte[n];
      f.seek(len - n);
      f.readFully(buf);
      int end = lastIndexOf(buf, n - 1);
      if (end < 0) {
        return Optional.empty();
      }
      int start = lastIndexOf(buf, end - 1) + 1;
      String line = new String(buf, start, end - start, StandardCharsets.UTF_8);
      Matcher m = SEQ.matcher(line);
      if (!m.find()) {
        return Optional.empty();
      }
      return Optional.of(new Tail(Long.parseLong(m.group(1)), isEnded(buf, start, end)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static int lastIndexOf(byte[] buf, int from) {
    for (int i = from; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Whether the line in {@code buf[start, end)} is an {@code ended} event. */
  static boolean isEnded(byte[] buf, int start, int end) {
    outer:
    for (int i = start; i <= end - ENDED.length; i++) {
      for (int j = 0; j < ENDED.length; j++) {
        if (buf[i + j] != ENDED[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * RUNNING, ENDED or LOST, as {@code attach} and {@code jobs} report it, with the spool's tail.
   * Liveness is checked before the tail is read, so a job that ends in between is ENDED, not LOST.
   */
  public Status status() throws IOException {
    boolean alive = supervisor().isPresent() || starting();
    Tail t = tail();
    return new Status(t.ended() ? "ENDED" : alive ? "RUNNING" : "LOST", t);
  }

  /** No pid yet, but the job was created less than a minute ago: its supervisor is starting. */
  private boolean starting() {
    try {
      return !Files.exists(pidFile())
          && System.currentTimeMillis() - Files.getLastModifiedTime(request()).toMillis() < 60_000;
    } catch (IOException e) {
      return false;
    }
  }

  /** A job's state and spool tail. */
  public record Status(String state, Tail tail) {}
}
