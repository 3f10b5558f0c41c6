package io.flightdeck.views.jobs;

import java.util.List;
import java.util.Map;

/**
 * What the user chose in the Train dialog.
 *
 * @param command true for a command job, false for built-in training
 * @param dataset "name:version" (built-in)
 * @param target the target column (built-in)
 * @param features chosen feature columns (built-in; empty = all numeric)
 * @param model logistic or linear (built-in)
 * @param params hyperparameters as typed (built-in)
 * @param commandLine the command as typed (command job)
 * @param workdir the working folder (command job)
 * @param env KEY=VALUE lines (command job)
 * @param outputDir the output folder under workdir (command job)
 * @param experiment experiment name
 * @param runName run name; may be empty
 * @param host where it runs: "local" or a host of the inventory
 * @param uploads files of the working folder (relative paths) to copy to a remote host (command
 *     job)
 */
public record TrainChoices(
    boolean command,
    String dataset,
    String target,
    List<String> features,
    String model,
    Map<String, String> params,
    String commandLine,
    String workdir,
    String env,
    String outputDir,
    String experiment,
    String runName,
    String host,
    List<String> uploads) {
  public TrainChoices {
    features = List.copyOf(features);
    params = Map.copyOf(params);
    uploads = List.copyOf(uploads);
  }
}
