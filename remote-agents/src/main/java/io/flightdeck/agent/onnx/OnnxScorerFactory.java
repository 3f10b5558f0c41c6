package io.flightdeck.agent.onnx;

import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.Scorer;
import io.flightdeck.core.registry.ScorerFactory;
import java.nio.file.Path;

/**
 * Opens {@link OnnxScorer}s in this process, for models already inspected in a child process and
 * hash-checked. Thread-safe; each scorer is owned (and closed) by the caller.
 */
public final class OnnxScorerFactory implements ScorerFactory {
  private final boolean cpuOnly;

  /** Scorers that use CUDA when it works, else the CPU. */
  public OnnxScorerFactory() {
    this(false);
  }

  /**
   * @param cpuOnly true to keep every scorer on the CPU
   */
  public OnnxScorerFactory(boolean cpuOnly) {
    this.cpuOnly = cpuOnly;
  }

  /**
   * @throws io.flightdeck.core.error.FlightdeckException naming the file when it cannot be opened
   *     or does not fit the task
   */
  @Override
  public Scorer open(Path model, ModelSignature signature, String task) {
    return OnnxScorer.open(model, signature, task, cpuOnly);
  }
}
