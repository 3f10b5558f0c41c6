package io.flightdeck.core.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Please run a command as a tracked job.
 *
 * @param argv the program and its arguments (nothing is run through a shell)
 * @param workdir the working folder
 * @param env extra environment variables
 * @param outputDir a folder relative to workdir whose files become artifacts; empty for none
 * @param experiment the experiment name (created when missing)
 * @param runName the run's display name; empty for the command's first word
 * @param host where to run: "local" or a host of the inventory
 * @param uploads for a remote host, the files of {@code workdir} (relative paths) to copy into the
 *     job's remote working folder; the command then runs there
 */
public record CommandRequest(
    List<String> argv,
    Path workdir,
    Map<String, String> env,
    String outputDir,
    String experiment,
    String runName,
    String host,
    List<String> uploads) {
  public CommandRequest {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
    host = host == null || host.isBlank() ? "local" : host;
    uploads = List.copyOf(uploads);
  }

  /** A request for this machine. */
  public CommandRequest(
      List<String> argv,
      Path workdir,
      Map<String, String> env,
      String outputDir,
      String experiment,
      String runName) {
    this(argv, workdir, env, outputDir, experiment, runName, "local", List.of());
  }

  /** The same request for another host, copying these files of the working folder there. */
  public CommandRequest onHost(String name, List<String> files) {
    return new CommandRequest(argv, workdir, env, outputDir, experiment, runName, name, files);
  }
}
