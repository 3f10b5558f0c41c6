package io.flightdeck.app.cli;

import io.flightdeck.app.gui.GuiLauncher;
import io.flightdeck.core.FlightdeckVersion;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.workspace.WorkspaceLocations;
import io.flightdeck.runners.models.ChildProcessModelInspector;
import io.flightdeck.store.LocalWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flightdeck [--workspace DIR] [COMMAND]}: without a command, opens the window. */
@Command(
    name = "flightdeck",
    mixinStandardHelpOptions = true,
    versionProvider = FlightdeckCommand.VersionProvider.class,
    description = "The MLOps control center on your desk. Without a command, opens the window.",
    subcommands = {
      AuditCommand.class,
      WorkspaceCommand.class,
      DatasetsCommand.class,
      DriftCommand.class,
      RunsCommand.class,
      TrainCommand.class,
      RunCommand.class,
      JobsCommand.class,
      MlflowCommand.class,
      ModelsCommand.class,
      HostsCommand.class,
      AgentsCommand.class,
      SweepCommand.class
    })
public final class FlightdeckCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(FlightdeckCommand.class);

  /** Exit code for a failure with a one-line reason. */
  public static final int EXIT_FAILURE = 1;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description = "The workspace folder (default: ${DEFAULT-VALUE}).")
  Path workspace = WorkspaceLocations.ofSystem().defaultWorkspace();

  @Option(
      names = "--exit-after-start",
      hidden = true,
      description =
          "Open the window and the workspace, print the start-up time, then exit (benchmarks, smoke tests).")
  boolean exitAfterStart;

  /** Runs the command line and returns the process exit code. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new FlightdeckCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(FlightdeckCommand::handle);
    // `flightdeck run python3 train.py --lr 0.01`: everything after the program is its own
    cl.getSubcommands().get("run").setStopAtPositional(true);
    return cl.execute(args);
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof FlightdeckException fe) {
      err.println("flightdeck: " + fe.oneLine());
    } else {
      LOG.error("Command failed", e);
      err.println("flightdeck: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    err.flush();
    return EXIT_FAILURE;
  }

  @Override
  public Integer call() {
    return GuiLauncher.launch(workspace, exitAfterStart);
  }

  /** Opens the chosen workspace for a headless command; the caller closes it. */
  LocalWorkspace openWorkspace() {
    return LocalWorkspace.open(
        workspace,
        Clock.systemUTC(),
        () -> System.getProperty("user.name"),
        ChildProcessModelInspector.fromCurrentJvm());
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "Flightdeck " + FlightdeckVersion.version(),
        "Java "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
