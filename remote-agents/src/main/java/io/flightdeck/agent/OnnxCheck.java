package io.flightdeck.agent;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.flightdeck.agent.onnx.Sessions;
import io.flightdeck.core.io.AtomicFiles;
import io.flightdeck.core.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Exports a Tribuo model to {@code model.onnx} with its description {@code model.json}, scores the
 * check rows with ONNX Runtime and compares the result with Tribuo's own predictions (probabilities
 * for classification, values for regression). Blocking; the ONNX Runtime session and tensors are
 * closed before it returns.
 */
final class OnnxCheck {
  static final double TOLERANCE = 1e-4;

  private OnnxCheck() {}

  /**
   * @param maxAbsDiff the largest absolute difference between ONNX Runtime and Tribuo
   * @param agreement the fraction of rows where both predict the same label (regression: the same
   *     value within {@link #TOLERANCE})
   * @param provider the execution provider ONNX Runtime scored on ("CUDA", or "CPU (why)")
   */
  record Result(double maxAbsDiff, double agreement, String provider) {}

  static <T extends Output<T>> Result exportAndCompare(
      Model<T> model, Dataset<T> rows, Path dir, JobSpec.Train spec)
      throws IOException, OrtException {
    if (!(model instanceof ONNXExportable exportable)) {
      throw new IllegalStateException(model.getClass().getName() + " cannot be exported to ONNX");
    }
    Path onnx = dir.resolve("model.onnx");
    exportable.saveONNXModel("io.flightdeck.agent", 1, onnx);
    ImmutableFeatureMap fmap = model.getFeatureIDMap();
    List<String> features = new ArrayList<>();
    for (int j = 0; j < fmap.size(); j++) {
      features.add(fmap.get(j).getName());
    }
    ImmutableOutputInfo<T> outInfo = model.getOutputIDInfo();
    List<String> labels = new ArrayList<>();
    for (int j = 0; j < outInfo.size(); j++) {
      T o = outInfo.getOutput(j);
      labels.add(o instanceof Label l ? l.getLabel() : o.toString());
    }
    float[][] input = new float[rows.size()][features.size()];
    List<Prediction<T>> expected = new ArrayList<>();
    int i = 0;
    for (Example<T> ex : rows) {
      ex.forEach(
          f -> {
            int id = fmap.getID(f.getName());
            if (id >= 0) {
              input[expected.size()][id] = (float) f.getValue();
            }
          });
      expected.add(model.predict(ex));
      i++;
    }
    double maxDiff = 0;
    int agree = 0;
    String inputName;
    String outputName;
    String provider;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (Sessions.Opened opened = Sessions.open(env, onnx, false);
        OnnxTensor tensor = OnnxTensor.createTensor(env, input)) {
      OrtSession session = opened.session();
      provider = opened.provider();
      inputName = session.getInputNames().iterator().next();
      outputName = session.getOutputNames().iterator().next();
      try (OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
        float[][] out = (float[][]) result.get(0).getValue();
        for (int r = 0; r < i; r++) {
          T want = expected.get(r).getOutput();
          if (want instanceof Regressor reg) {
            double d = Math.abs(out[r][0] - reg.getValues()[0]);
            maxDiff = Math.max(maxDiff, d);
            agree += d <= TOLERANCE ? 1 : 0;
          } else {
            Map<String, T> scores = expected.get(r).getOutputScores();
            int best = 0;
            for (int j = 0; j < labels.size(); j++) {
              double p = ((Label) scores.get(labels.get(j))).getScore();
              maxDiff = Math.max(maxDiff, Math.abs(out[r][j] - p));
              best = out[r][j] > out[r][best] ? j : best;
            }
            agree += labels.get(best).equals(((Label) want).getLabel()) ? 1 : 0;
          }
        }
      }
    }
    Map<String, Object> desc = new LinkedHashMap<>();
    desc.put("format", "onnx");
    desc.put("producer", "Tribuo 4.3.2 via the Flightdeck agent");
    desc.put("model", spec.model());
    desc.put("task", spec.task());
    desc.put("target", spec.target());
    desc.put("input", inputName);
    desc.put("output", outputName);
    desc.put("features", features);
    if (spec.task().equals("classification")) {
      desc.put("labels", labels);
    }
    AtomicFiles.writeString(dir.resolve("model.json"), Json.write(desc) + "\n");
    return new Result(maxDiff, i == 0 ? 1.0 : (double) agree / i, provider);
  }
}
