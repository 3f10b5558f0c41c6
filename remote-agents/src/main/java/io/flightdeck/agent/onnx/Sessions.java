package io.flightdeck.agent.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;

/**
 * Opens ONNX Runtime sessions on the best provider: CUDA when this build has it and it starts, else
 * the CPU with the reason in words. The one place that decides, for scoring and for the training
 * job's ONNX check alike.
 */
public final class Sessions {
  private Sessions() {}

  /**
   * An open session; close it (the session, then its options).
   *
   * @param provider "CUDA", or "CPU (...why...)"
   */
  public record Opened(OrtSession session, OrtSession.SessionOptions options, String provider)
      implements AutoCloseable {
    @Override
    public void close() throws OrtException {
      try {
        session.close();
      } finally {
        options.close();
      }
    }
  }

  /**
   * @param cpuOnly use the CPU even when CUDA is there
   * @throws OrtException when the model cannot be opened on any provider (options are closed)
   */
  public static Opened open(OrtEnvironment env, Path model, boolean cpuOnly) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    try {
      OrtSession.SessionOptions first = options;
      ExecutionProviders.Choice choice =
          ExecutionProviders.choose(
              cpuOnly, OrtEnvironment.getAvailableProviders(), () -> first.addCUDA());
      try {
        return new Opened(
            env.createSession(model.toString(), options), options, choice.description());
      } catch (OrtException e) {
        if (!choice.cuda()) {
          throw e;
        }
        // the provider was added but the session cannot start on it (no device, no cuDNN...)
        options.close();
        options = new OrtSession.SessionOptions();
        choice = ExecutionProviders.cpu("CUDA provider failed to start: " + e.getMessage());
        return new Opened(
            env.createSession(model.toString(), options), options, choice.description());
      }
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }
}
