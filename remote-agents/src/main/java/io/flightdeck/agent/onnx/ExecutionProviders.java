package io.flightdeck.agent.onnx;

import ai.onnxruntime.OrtProvider;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the execution provider for a session: CUDA when this ONNX Runtime build has it and it
 * starts (the {@code onnxruntime_gpu} artifact with CUDA 12 and cuDNN on the host), else the CPU,
 * with the reason in words. Stateless.
 */
final class ExecutionProviders {
  /** Adds the CUDA provider to session options; throws when it cannot. */
  @FunctionalInterface
  interface CudaSwitch {
    void addCuda() throws Exception;
  }

  /**
   * @param cuda whether the CUDA provider was added
   * @param description "CUDA", or "CPU (...why...)"
   */
  record Choice(boolean cuda, String description) {}

  private ExecutionProviders() {}

  /**
   * @param cpuOnly the caller asked for the CPU
   * @param available the providers this ONNX Runtime build offers
   * @param cuda adds the CUDA provider to the session options being built
   */
  static Choice choose(boolean cpuOnly, Set<OrtProvider> available, CudaSwitch cuda) {
    if (cpuOnly) {
      return new Choice(false, "CPU (requested)");
    }
    try {
      cuda.addCuda();
      return new Choice(true, "CUDA");
    } catch (Exception | LinkageError e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (available.contains(OrtProvider.CUDA)
          && reason.contains("Failed to load shared library")) {
        // the GPU build is there but its CUDA provider library cannot load its own dependencies
        reason +=
            "; this host lacks the CUDA 12 / cuDNN 9 libraries the GPU build needs (the agent's"
                + " log names the missing one)";
      } else if (!available.contains(OrtProvider.CUDA)) {
        reason +=
            "; this ONNX Runtime build offers "
                + available.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
                + " (the GPU build is the onnxruntime_gpu artifact)";
      }
      return cpu("CUDA provider not available: " + reason);
    }
  }

  /** A CPU choice after CUDA failed for {@code why}. */
  static Choice cpu(String why) {
    return new Choice(false, "CPU (" + why + ")");
  }
}
