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
 */
public record CommandRequest(
    List<String> argv,
    Path workdir,
    Map<String, String> env,
    String outputDir,
    String experiment,
    String runName) {
  public CommandRequest {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
  }
}
