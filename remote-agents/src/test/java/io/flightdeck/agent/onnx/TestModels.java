package io.flightdeck.agent.onnx;

import ai.onnx.proto.OnnxMl;
import io.flightdeck.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** Real ONNX models for tests: Tribuo exports, and small graphs built with the ONNX protobuf. */
final class TestModels {
  static final String[] FEATURES = {"f0", "f1", "f2", "f3"};

  private TestModels() {}

  /** A Tribuo model exported to {@code dir/model.onnx} with its {@code model.json}. */
  record Made<T extends Output<T>>(
      Path onnx, Path sidecar, Model<T> model, List<String> labels, float[] rows, int n) {}

  static Made<Label> logistic(Path dir) throws Exception {
    LabelFactory f = new LabelFactory();
    MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("gen", f), f);
    Random r = new Random(7);
    for (int i = 0; i < 400; i++) {
      double[] x = row(r);
      double z = 1.5 * x[0] - x[1] + 0.5 * x[3] + 0.3 * r.nextGaussian();
      ds.add(new ArrayExample<>(new Label(z > 0 ? "yes" : "no"), FEATURES, x));
    }
    var model =
        new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(0.1, 0.1), 5, 7L)
            .train(ds);
    List<String> labels = new ArrayList<>();
    for (int j = 0; j < model.getOutputIDInfo().size(); j++) {
      labels.add(model.getOutputIDInfo().getOutput(j).getLabel());
    }
    return export(dir, model, "classification", labels);
  }

  static Made<Regressor> linear(Path dir) throws Exception {
    RegressionFactory f = new RegressionFactory();
    MutableDataset<Regressor> ds =
        new MutableDataset<>(new SimpleDataSourceProvenance("gen", f), f);
    Random r = new Random(11);
    for (int i = 0; i < 400; i++) {
      double[] x = row(r);
      double y = 3 + 2 * x[0] - x[2] + 0.1 * r.nextGaussian();
      ds.add(new ArrayExample<>(new Regressor("y", y), FEATURES, x));
    }
    var model =
        new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
                new SquaredLoss(), new AdaGrad(0.1, 0.1), 10, 11L)
            .train(ds);
    return export(dir, model, "regression", List.of());
  }

  private static double[] row(Random r) {
    return new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
  }

  private static <T extends Output<T>> Made<T> export(
      Path dir, Model<T> model, String task, List<String> labels) throws Exception {
    Files.createDirectories(dir);
    Path onnx = dir.resolve("model.onnx");
    ((ONNXExportable) model).saveONNXModel("io.flightdeck.test", 1, onnx);
    Map<String, Object> desc = new LinkedHashMap<>();
    desc.put("task", task);
    desc.put("features", List.of(FEATURES));
    if (!labels.isEmpty()) {
      desc.put("labels", labels);
    }
    Path sidecar = dir.resolve("model.json");
    Files.writeString(sidecar, Json.write(desc));
    // check rows: new data, in feature order
    Random r = new Random(99);
    int n = 200;
    float[] rows = new float[n * FEATURES.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) (r.nextGaussian() * 2);
    }
    return new Made<>(onnx, sidecar, model, labels, rows, n);
  }

  /** Row {@code i} of the check rows as a Tribuo example (the same float values). */
  static <T extends Output<T>> Example<T> example(Made<T> m, int i, T dummy) {
    double[] x = new double[FEATURES.length];
    for (int j = 0; j < x.length; j++) {
      x[j] = m.rows()[i * FEATURES.length + j];
    }
    return new ArrayExample<>(dummy, FEATURES, x);
  }

  // ---- hand-built graphs: Y = X · W, X [N, 2], W [2, 1] ----

  static OnnxMl.ModelProto.Builder matMul(OnnxMl.TensorProto weights) {
    OnnxMl.GraphProto.Builder g =
        OnnxMl.GraphProto.newBuilder()
            .setName("matmul")
            .addNode(
                OnnxMl.NodeProto.newBuilder()
                    .setOpType("MatMul")
                    .addInput("X")
                    .addInput("W")
                    .addOutput("Y"))
            .addInitializer(weights)
            .addInput(value("X", 2))
            .addOutput(value("Y", 1));
    return model(g);
  }

  static OnnxMl.ModelProto.Builder model(OnnxMl.GraphProto.Builder g) {
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("flightdeck-test")
        .setProducerVersion("1")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
        .addMetadataProps(entry("feature_names", "a, b"))
        .setGraph(g);
  }

  static OnnxMl.ValueInfoProto value(String name, long width) {
    return OnnxMl.ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            OnnxMl.TypeProto.newBuilder()
                .setTensorType(
                    OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                        .setShape(
                            OnnxMl.TensorShapeProto.newBuilder()
                                .addDim(
                                    OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                                .addDim(
                                    OnnxMl.TensorShapeProto.Dimension.newBuilder()
                                        .setDimValue(width)))))
        .build();
  }

  /** W = [2, 3] stored inside the model. */
  static OnnxMl.TensorProto inlineWeights() {
    return weights().addFloatData(2f).addFloatData(3f).build();
  }

  /** W stored in the file {@code location} (8 bytes: 2.0f, 3.0f). */
  static OnnxMl.TensorProto externalWeights(String location) {
    return weights()
        .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
        .addExternalData(entry("location", location))
        .addExternalData(entry("offset", "0"))
        .addExternalData(entry("length", "8"))
        .build();
  }

  static byte[] weightBytes() {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(2f).putFloat(3f).array();
  }

  private static OnnxMl.TensorProto.Builder weights() {
    return OnnxMl.TensorProto.newBuilder()
        .setName("W")
        .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
        .addDims(2)
        .addDims(1);
  }

  static OnnxMl.StringStringEntryProto entry(String k, String v) {
    return OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
  }

  static Path write(Path file, OnnxMl.ModelProto.Builder m) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, m.build().toByteArray());
    return file;
  }
}
