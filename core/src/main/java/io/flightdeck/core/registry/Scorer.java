package io.flightdeck.core.registry;

/**
 * Scores rows with one loaded model: the one scorer used for evaluation, batch scoring and (later)
 * serving. Implemented with ONNX Runtime by the agent module; the app runs it in process for models
 * already inspected and hash-checked.
 *
 * <p>Threading: {@link #predict} may be called from several threads at once. Ownership: the caller
 * closes it; it owns native memory.
 */
public interface Scorer extends AutoCloseable {
  /** The input columns in order (the model's feature names). */
  java.util.List<String> features();

  /** Class labels in output order (classifiers), else empty. */
  java.util.List<String> labels();

  /** "classification" or "regression". */
  String task();

  /** The execution provider in use ("CPU", "CUDA") and, when it fell back, why. */
  String provider();

  /**
   * Scores {@code rows} rows given row-major in {@code features} order.
   *
   * @return classification: {@code rows × labels().size()} probabilities; regression: {@code rows}
   *     values
   */
  float[] predict(float[] rowMajor, int rows);

  @Override
  void close();
}
