import io.flightdeck.app.jobs.LocalJobs;
import io.flightdeck.app.jobs.RemoteHosts;
import io.flightdeck.core.hosts.Credentials;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.runners.ssh.Sshd;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Remote job events into the H2 store through SSH (issue 6), and the time from a restored
 * connection to resumed streaming. Single-file program against the built app and the runners'
 * test fixture (a real OpenSSH server on 127.0.0.1):
 *
 * <pre>
 * mvn -B -o -q install -DskipTests -Dspotless.check.skip=true -pl app -am
 * java -cp "app/target/flightdeck.jar:app/target/lib/*:runners/target/runners-0.1.0-tests.jar" \
 *   benchmarks/ssh/SshBench.java 1000000 3 /tmp/ssh-bench
 * </pre>
 *
 * <p>Arguments: POINTS ROUNDS DIR. Throughput: a command job (awk) prints POINTS lines {@code
 * ##flightdeck metric m V STEP} as fast as it can, once on "local" (the agent as a child process,
 * over a pipe: the baseline) and once on the SSH host (the agent installed over SFTP, events over
 * an exec channel); each timed from submit until the job is stored as ended, exactly POINTS points
 * checked. Reconnect: a paced job streams; (a) every connection's sshd process is killed, (b) sshd
 * is stopped for 3 s and started again; measured from the moment the connection can be made again
 * to the first newly stored event.
 */
public final class SshBench {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Path dir = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "/tmp/ssh-bench"));
    Path run = Files.createTempDirectory(dir, "run-");
    try (Sshd sshd = Sshd.start(run.resolve("sshd"));
        LocalWorkspace ws = LocalWorkspace.open(run.resolve("ws"), Clock.systemUTC(), () -> "bench")) {
      RemoteHosts remote = new RemoteHosts(ws, Credentials.NONE);
      HostConfig h =
          HostConfig.of("box", "127.0.0.1", Sshd.user())
              .withPort(sshd.port())
              .withKey(sshd.clientKey().toString());
      remote.operations().acceptIfFingerprint(h, sshd.fingerprint());
      ws.hosts().save(h, false);
      try (Fleet fleet = LocalJobs.open(ws, Clock.systemUTC(), remote, s -> {})) {
        System.out.printf(Locale.ROOT, "warm-up...%n");
        throughput(fleet, ws, "local", Math.max(1000, n / 10), run);
        throughput(fleet, ws, "box", Math.max(1000, n / 10), run);
        for (int r = 1; r <= rounds; r++) {
          double local = throughput(fleet, ws, "local", n, run);
          double ssh = throughput(fleet, ws, "box", n, run);
          System.out.printf(
              Locale.ROOT,
              "round %d: local pipe %,.0f points/s, ssh %,.0f points/s, ratio ssh/local %.2f%n",
              r, local, ssh, ssh / local);
        }
        List<Double> cut = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        String script =
            "i=1; while [ $i -le 1000000 ]; do echo \"##flightdeck metric m $i $i\";"
                + " if [ $((i % 500)) -eq 0 ]; then sleep 0.05; fi; i=$((i+1)); done";
        JobRecord job =
            fleet.submitCommand(
                new CommandRequest(List.of("sh", "-c", script), run, Map.of(), "", "bench", "paced")
                    .onHost("box", List.of()));
        waitForProgress(fleet, job, 2_000);
        for (int r = 0; r < rounds * 2; r++) {
          cut.add(
              resumed(
                  fleet,
                  job,
                  () -> {
                    long restored = System.nanoTime(); // sshd listens: it can connect at once
                    sshd.killSessions();
                    return restored;
                  }));
          restart.add(
              resumed(
                  fleet,
                  job,
                  () -> {
                    sshd.stopProcess();
                    Thread.sleep(3_000);
                    sshd.restart();
                    return System.nanoTime();
                  }));
        }
        fleet.cancel(job.jobId());
        fleet.awaitEnd(job.jobId(), Duration.ofMinutes(1));
        System.out.printf(Locale.ROOT, "sessions killed, sshd listening: resumed after %s s%n", stats(cut));
        System.out.printf(Locale.ROOT, "sshd down 3 s, then up: resumed after %s s%n", stats(restart));
      }
    }
  }

  static double throughput(Fleet fleet, LocalWorkspace ws, String host, int n, Path dir)
      throws Exception {
    String awk =
        "BEGIN{for(i=1;i<=" + n + ";i++) printf \"##flightdeck metric m %.6f %d\\n\", i*0.001, i}";
    long t0 = System.nanoTime();
    JobRecord job =
        fleet.submitCommand(
            new CommandRequest(List.of("awk", awk), dir, Map.of(), "", "bench", host + "-" + n)
                .onHost(host, List.of()));
    JobRecord end = fleet.awaitEnd(job.jobId(), Duration.ofMinutes(30));
    long t1 = System.nanoTime();
    if (end.state() != JobState.SUCCEEDED) {
      throw new IllegalStateException("job ended " + end.state() + ": " + end.message());
    }
    int stored = ws.tracking().repository().metricHistory(job.runId(), "m").size();
    if (stored != n) {
      throw new IllegalStateException("stored " + stored + " of " + n + " points");
    }
    return n / ((t1 - t0) / 1e9);
  }

  static void waitForProgress(Fleet fleet, JobRecord job, long seq) throws InterruptedException {
    while (fleet.job(job.jobId()).orElseThrow().ackedSeq() < seq) {
      Thread.sleep(10);
    }
  }

  /**
   * Seconds from {@code since} until the first event stored after the job re-attached (the job's
   * message turns "running: re-attached ..." when the new session picks it up).
   */
  interface Fault {
    long cut() throws Exception;
  }

  static double resumed(Fleet fleet, JobRecord job, Fault fault) throws Exception {
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    long[] at = {-1, 0, 0};
    java.util.function.Consumer<io.flightdeck.core.jobs.JobUpdate> l =
        u -> {
          if (!u.jobId().equals(job.jobId())) {
            return;
          }
          if (System.getenv("BENCH_DEBUG") != null) {
            System.out.println("update " + u.storedSeq() + " " + u.message());
          }
          synchronized (at) {
            if (u.message().startsWith("reconnecting")) {
              at[2] = 1; // the cut was noticed; the job's message says "re-attached" only after it
            } else if (at[2] == 1 && at[0] < 0 && u.message().startsWith("running: re-attached")) {
              at[0] = u.storedSeq();
            } else if (at[0] >= 0 && u.storedSeq() > at[0] && at[1] == 0) {
              at[1] = System.nanoTime();
              done.countDown();
            }
          }
        };
    fleet.addListener(l);
    long since;
    try {
      since = fault.cut();
      if (!done.await(2, java.util.concurrent.TimeUnit.MINUTES)) {
        throw new IllegalStateException("streaming did not resume");
      }
    } finally {
      fleet.removeListener(l);
    }
    return (at[1] - since) / 1e9;
  }

  static String stats(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return String.format(
        Locale.ROOT, "median %.2f (min %.2f, max %.2f, n=%d)", s.get(s.size() / 2), s.get(0),
        s.get(s.size() - 1), s.size());
  }
}
