import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Agent event throughput over a local pipe (issue 4). Single-file program, JDK only:
 *
 * <pre>
 * mvn -B -o install -pl remote-agents -DskipTests
 * java benchmarks/agent/AgentPipeBench.java remote-agents/target/flightdeck-agent.jar 1000000 3
 * </pre>
 *
 * Each round times (a) the baseline: awk prints N "##flightdeck metric" lines, piped through cat
 * into this driver, which reads every line; (b) the agent: a serve session (already said hello)
 * gets a command job whose awk prints the same N lines; the clock runs from sending "start" to
 * reading "ended" (supervisor JVM start, parsing, validation, spooling with group fsync, serve's
 * follower and the pipe included); the driver acks every 100,000 events as the app would.
 */
public class AgentPipeBench {
  public static void main(String[] args) throws Exception {
    String jar = args[0];
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String awk =
        "awk 'BEGIN{for(i=1;i<=" + n + ";i++) printf \"##flightdeck metric train/loss %.6f %d\\n\", 1/i, i}'";
    Path home = Files.createTempDirectory("agent-bench");
    System.out.printf("N=%,d lines, %d rounds, agent home %s%n", n, rounds, home);
    for (int r = 1; r <= rounds; r++) {
      double base = baseline(awk + " | cat", n);
      Result a = agent(jar, home, awk);
      System.out.printf(
          "round %d: baseline cat %.2f s (%,.0f lines/s) | agent %.2f s start->ended (%,.0f events/s);"
              + " first event after %.2f s, first->ended %.2f s (%,.0f events/s)%n",
          r, base, n / base, a.total, a.events / a.total, a.firstEvent, a.total - a.firstEvent,
          a.events / (a.total - a.firstEvent));
    }
  }

  record Result(double total, double firstEvent, long events) {}

  static double baseline(String cmd, int n) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
    long lines = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      while (r.readLine() != null) {
        lines++;
      }
    }
    p.waitFor();
    if (lines != n) {
      throw new IllegalStateException("baseline read " + lines + " lines");
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static Result agent(String jar, Path home, String awk) throws Exception {
    Process p =
        new ProcessBuilder("java", "-jar", jar, "serve", "--home", home.toString())
            .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("bench-stderr.log").toFile()))
            .start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
    OutputStream w = p.getOutputStream();
    String hello = r.readLine();
    if (hello == null || !hello.contains("\"hello\"")) {
      throw new IllegalStateException("no hello: " + hello);
    }
    String job = UUID.randomUUID().toString().replace("-", "");
    String run = UUID.randomUUID().toString().replace("-", "");
    String start =
        "{\"op\":\"start\",\"id\":\"s\",\"job\":\"" + job + "\",\"run\":\"" + run
            + "\",\"spec\":{\"kind\":\"command\",\"argv\":[\"sh\",\"-c\",\"" + awk.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"]}}\n";
    long t0 = System.nanoTime();
    w.write(start.getBytes(StandardCharsets.UTF_8));
    w.flush();
    long events = 0;
    double first = -1;
    String line;
    while ((line = r.readLine()) != null) {
      if (!line.startsWith("{\"") || !line.contains("\"type\":\"event\"")) {
        if (line.contains("\"ok\":false")) {
          throw new IllegalStateException(line);
        }
        continue;
      }
      if (first < 0) {
        first = (System.nanoTime() - t0) / 1e9;
      }
      events++;
      if (events % 100_000 == 0) {
        w.write(("{\"op\":\"ack\",\"job\":\"" + job + "\",\"seq\":" + events + "}\n").getBytes(StandardCharsets.UTF_8));
        w.flush();
      }
      if (line.contains("\"kind\":\"ended\"")) {
        break;
      }
    }
    double total = (System.nanoTime() - t0) / 1e9;
    w.write("{\"op\":\"bye\"}\n".getBytes(StandardCharsets.UTF_8));
    w.flush();
    p.waitFor();
    deleteTree(home.resolve("jobs").resolve(job));
    return new Result(total, first, events);
  }

  static void deleteTree(Path dir) throws Exception {
    try (var s = Files.walk(dir)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
