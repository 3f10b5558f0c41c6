import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.flightdeck.agent.onnx.OnnxScorer;
import io.flightdeck.agent.onnx.OnnxValidator;
import io.flightdeck.core.registry.ModelSignature;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Batch scoring through the one scorer versus a bare ONNX Runtime loop (issue 5). Single-file
 * program, run against the built agent (or the app's class path, which holds the agent):
 *
 * <pre>
 * mvn -B -o -q install -DskipTests -pl remote-agents -am
 * java -cp remote-agents/target/flightdeck-agent.jar benchmarks/registry/ScoreBench.java 1000000 1024 8192
 * </pre>
 *
 * <p>Arguments: ROWS BATCH... A 6-feature logistic regression is trained with Tribuo on generated
 * data and exported to ONNX. ROWS random rows are cut into batches of BATCH rows (row-major float
 * arrays, as a dataset reader hands them over). Timed, in the same JVM and on the same rows:
 * {@link OnnxScorer#predict} per batch, and a bare loop over one {@code OrtSession} that builds
 * each tensor the same way (batch copied into a reused direct buffer, {@code
 * OnnxTensor.createTensor}, {@code run}, probabilities copied out), plus a naive bare loop
 * that passes {@code FloatBuffer.wrap(batch)} (ONNX Runtime then copies into a new direct buffer).
 * One warm-up pass each, then 11 alternating passes; the median pass is reported. Prints rows/s and
 * the ratio scorer/bare, and checks that both give the same probabilities.
 */
public final class ScoreBench {
  static final int FEATURES = 6;
  static final int PASSES = 11;

  public static void main(String[] args) throws Exception {
    Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    List<Integer> batchSizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      batchSizes.add(Integer.parseInt(args[i]));
    }
    if (batchSizes.isEmpty()) {
      batchSizes = List.of(1024, 8192);
    }
    Path dir = Files.createTempDirectory("score-bench");
    Path onnx = train(dir);
    ModelSignature s = OnnxValidator.check(onnx).signature();
    System.out.printf(
        Locale.ROOT,
        "model: Tribuo logistic regression, %d features, 2 classes; %,d rows; %d cpus; java %s%n",
        FEATURES,
        rows,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxScorer scorer = OnnxScorer.open(onnx, s, "classification");
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        OrtSession bare = env.createSession(onnx.toString(), opts)) {
      System.out.println("scorer provider: " + scorer.provider());
      for (int batch : batchSizes) {
        float[][] batches = batches(rows, batch);
        float[] a = new float[rows * 2];
        float[] b = new float[rows * 2];
        float[] c = new float[rows * 2];
        scorer(scorer, batches, a);
        bareDirect(env, bare, batches, b);
        bareWrap(env, bare, batches, c);
        double[] ts = new double[PASSES];
        double[] tb = new double[PASSES];
        double[] tw = new double[PASSES];
        for (int k = 0; k < PASSES; k++) {
          ts[k] = scorer(scorer, batches, a);
          tb[k] = bareDirect(env, bare, batches, b);
          tw[k] = bareWrap(env, bare, batches, c);
        }
        if (!Arrays.equals(a, b) || !Arrays.equals(a, c)) {
          throw new IllegalStateException("the scorer and the bare loop disagree");
        }
        double rs = rows / median(ts);
        double rb = rows / median(tb);
        double rw = rows / median(tw);
        System.out.printf(Locale.ROOT, "batch %d:%n", batch);
        System.out.printf(Locale.ROOT, "  bare ONNX Runtime loop (direct buffer): %,.0f rows/s%n", rb);
        System.out.printf(Locale.ROOT, "  bare ONNX Runtime loop (FloatBuffer.wrap): %,.0f rows/s%n", rw);
        System.out.printf(Locale.ROOT, "  OnnxScorer.predict: %,.0f rows/s%n", rs);
        System.out.printf(
            Locale.ROOT, "  ratio scorer/bare: %.2f (vs wrap loop: %.2f)%n", rs / rb, rs / rw);
      }
    }
  }

  static Path train(Path dir) throws Exception {
    LabelFactory f = new LabelFactory();
    MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("bench", f), f);
    Random r = new Random(5);
    String[] names = new String[FEATURES];
    for (int j = 0; j < FEATURES; j++) {
      names[j] = "x" + j;
    }
    for (int i = 0; i < 2000; i++) {
      double[] x = new double[FEATURES];
      double z = 0;
      for (int j = 0; j < FEATURES; j++) {
        x[j] = r.nextGaussian();
        z += (j % 2 == 0 ? 1 : -0.5) * x[j];
      }
      ds.add(new ArrayExample<>(new Label(z > 0 ? "yes" : "no"), names, x));
    }
    var model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 5, 5L).train(ds);
    Path onnx = dir.resolve("model.onnx");
    ((ONNXExportable) model).saveONNXModel("io.flightdeck.bench", 1, onnx);
    return onnx;
  }

  static float[][] batches(int rows, int batch) {
    Random r = new Random(42);
    float[][] out = new float[(rows + batch - 1) / batch][];
    for (int b = 0; b < out.length; b++) {
      int n = Math.min(batch, rows - b * batch);
      out[b] = new float[n * FEATURES];
      for (int i = 0; i < out[b].length; i++) {
        out[b][i] = (float) r.nextGaussian();
      }
    }
    return out;
  }

  static double scorer(OnnxScorer scorer, float[][] batches, float[] out) {
    long t0 = System.nanoTime();
    int at = 0;
    for (float[] batch : batches) {
      float[] p = scorer.predict(batch, batch.length / FEATURES);
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static double bareDirect(OrtEnvironment env, OrtSession s, float[][] batches, float[] out)
      throws Exception {
    String in = s.getInputNames().iterator().next();
    Set<String> outName = Set.of(s.getOutputNames().iterator().next());
    FloatBuffer buf =
        ByteBuffer.allocateDirect(batches[0].length * Float.BYTES)
            .order(ByteOrder.nativeOrder())
            .asFloatBuffer();
    long t0 = System.nanoTime();
    int at = 0;
    for (float[] batch : batches) {
      buf.clear();
      buf.put(batch).flip();
      try (OnnxTensor t =
              OnnxTensor.createTensor(env, buf, new long[] {batch.length / FEATURES, FEATURES});
          OrtSession.Result r = s.run(Map.of(in, t), outName)) {
        float[] p = new float[batch.length / FEATURES * 2];
        ((OnnxTensor) r.get(0)).getFloatBuffer().get(p);
        System.arraycopy(p, 0, out, at, p.length);
        at += p.length;
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static double bareWrap(OrtEnvironment env, OrtSession s, float[][] batches, float[] out)
      throws Exception {
    String in = s.getInputNames().iterator().next();
    Set<String> outName = Set.of(s.getOutputNames().iterator().next());
    long t0 = System.nanoTime();
    int at = 0;
    for (float[] batch : batches) {
      try (OnnxTensor t =
              OnnxTensor.createTensor(
                  env, FloatBuffer.wrap(batch), new long[] {batch.length / FEATURES, FEATURES});
          OrtSession.Result r = s.run(Map.of(in, t), outName)) {
        float[] p = new float[batch.length / FEATURES * 2];
        ((OnnxTensor) r.get(0)).getFloatBuffer().get(p);
        System.arraycopy(p, 0, out, at, p.length);
        at += p.length;
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
