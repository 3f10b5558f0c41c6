package io.flightdeck.agent;

import io.flightdeck.agent.onnx.InspectCommand;
import io.flightdeck.core.FlightdeckVersion;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent's command line: {@code serve [--home DIR]} speaks the agent protocol on stdin/stdout;
 * {@code supervise JOBDIR} runs one job (started by serve, not by hand); {@code inspect FILE
 * [--sidecar model.json]} checks a candidate ONNX model and prints one JSON line ({@link
 * InspectCommand}, exit 3 when refused); {@code --version}.
 */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) {
    // The agent logs to its stderr (a job's supervisor.log, serve's stderr), also when started from
    // the app's class path, where Logback would write into the app's rolling file from several
    // processes: name the binding before any logger exists.
    System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    System.setProperty("slf4j.internal.verbosity", "WARN");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
    // stdout carries protocol lines only: anything a library prints goes to stderr instead
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    int code;
    try {
      code = run(args, stdout);
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(AgentMain.class).warn("The agent failed", e);
      code = 1;
    }
    System.exit(code);
  }

  private static int run(String[] args, OutputStream stdout) throws Exception {
    String mode = args.length == 0 ? "" : args[0];
    switch (mode) {
      case "serve" -> {
        Path home = defaultHome();
        for (int i = 1; i < args.length; i++) {
          if (args[i].equals("--home") && i + 1 < args.length) {
            home = Path.of(args[++i]);
          } else {
            return usage("unknown option " + args[i]);
          }
        }
        Files.createDirectories(home);
        org.slf4j.LoggerFactory.getLogger(AgentMain.class)
            .info("serve pid {} home {}", ProcessHandle.current().pid(), home.toAbsolutePath());
        new AgentServer(home.toAbsolutePath(), stdout).serve(System.in);
        return 0;
      }
      case "supervise" -> {
        if (args.length != 2) {
          return usage("supervise needs the job folder");
        }
        return new Supervisor(new JobDir(Path.of(args[1]).toAbsolutePath())).run();
      }
      case "inspect" -> {
        // a candidate model is opened here, in its own process, so that a crash in ONNX
        // Runtime's native code ends only this process
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--sidecar"))) {
          return usage("inspect needs FILE [--sidecar model.json]");
        }
        Path sidecar = args.length == 4 ? Path.of(args[3]) : null;
        return InspectCommand.run(Path.of(args[1]), sidecar, stdout);
      }
      case "--version" -> {
        stdout.write(("flightdeck-agent " + FlightdeckVersion.version() + "\n").getBytes());
        stdout.flush();
        return 0;
      }
      default -> {
        return usage(mode.isEmpty() ? "no command" : "unknown command " + mode);
      }
    }
  }

  private static int usage(String problem) {
    System.err.println(
        "flightdeck-agent: "
            + problem
            + "\nusage: java -jar flightdeck-agent.jar serve [--home DIR]   (default ~/.flightdeck-agent)"
            + "\n       java -jar flightdeck-agent.jar inspect FILE [--sidecar model.json]"
            + "\n       java -jar flightdeck-agent.jar --version");
    return 2;
  }

  static Path defaultHome() {
    return Path.of(System.getProperty("user.home"), ".flightdeck-agent");
  }
}
