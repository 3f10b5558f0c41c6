package io.flightdeck.agent;

import io.flightdeck.core.agent.AgentCodec;
import io.flightdeck.core.error.FlightdeckException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.sgd.AbstractSGDTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Built-in training with Tribuo: logistic regression (classification) or linear regression, both by
 * SGD with AdaGrad, from a CSV file. Reports every hyperparameter, {@code train/loss} per epoch
 * (read from Tribuo's own log), validation metrics, and the model exported to ONNX and checked
 * against ONNX Runtime ({@link OnnxCheck}). Runs on the calling thread; cannot be interrupted, so
 * {@link #cancel} returns false and the supervisor ends the process.
 */
final class TrainJob implements Job {
  private static final Pattern LOSS = Pattern.compile("At iteration (\\d+), average loss = (\\S+)");

  private final JobSpec.Train spec;
  private final Path outDir;

  TrainJob(JobSpec.Train spec, Path defaultOutDir) {
    this.spec = spec;
    this.outDir = spec.outputDir() == null ? defaultOutDir : Path.of(spec.outputDir());
  }

  @Override
  public boolean cancel() {
    return false;
  }

  @Override
  public Outcome run(Events events) throws Exception {
    int epochs = (int) whole("epochs", 10, 1, 100_000);
    double lr = real("learningRate", 0.1, 0, 1e6);
    long seed = whole("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    double vf = real("validationFraction", 0.2, 0, 0.9);
    int minibatch = (int) whole("minibatch", 1, 1, 1_000_000);
    boolean regression = spec.task().equals("regression");
    events.status("loading " + spec.data());
    TrainingData data = TrainingData.load(spec.data(), spec.target(), spec.features(), regression);
    events.status("loaded " + data.rows() + " rows with " + data.features().size() + " features");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("model", spec.model());
    params.put("task", spec.task());
    params.put("target", spec.target());
    params.put("features", String.join(",", data.features()));
    params.put("data", spec.data().toString());
    params.put("rows", Integer.toString(data.rows()));
    params.put("epochs", Integer.toString(epochs));
    params.put("learningRate", Double.toString(lr));
    params.put("seed", Long.toString(seed));
    params.put("validationFraction", Double.toString(vf));
    params.put("minibatch", Integer.toString(minibatch));
    params.put("optimiser", "AdaGrad");
    params.put("objective", regression ? "SquaredLoss" : "LogMulticlass");
    params.forEach((k, v) -> events.emit("param", Map.of("key", k, "value", v)));

    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < data.rows(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int nVal = (int) Math.round(data.rows() * vf);
    if (vf > 0 && data.rows() >= 2) {
      nVal = Math.max(1, Math.min(data.rows() - 1, nVal));
    }
    List<Integer> trainRows = order.subList(0, data.rows() - nVal);
    List<Integer> valRows = order.subList(data.rows() - nVal, data.rows());
    int interval = (trainRows.size() + minibatch - 1) / minibatch;
    Handler lossCapture = lossCapture(events, interval, epochs, !regression);
    Logger sgdLog = Logger.getLogger(AbstractSGDTrainer.class.getName());
    sgdLog.addHandler(lossCapture);
    boolean parents = sgdLog.getUseParentHandlers();
    sgdLog.setUseParentHandlers(false);
    try {
      if (regression) {
        RegressionFactory f = new RegressionFactory();
        MutableDataset<Regressor> train =
            dataset(data, trainRows, f, y -> new Regressor(spec.target(), Double.parseDouble(y)));
        MutableDataset<Regressor> val =
            dataset(data, valRows, f, y -> new Regressor(spec.target(), Double.parseDouble(y)));
        var trainer =
            new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
                new SquaredLoss(), new AdaGrad(lr, 0.1), epochs, interval, minibatch, seed);
        events.status("training " + trainer);
        Model<Regressor> model = train(trainer, train);
        var check = val.size() > 0 ? val : train;
        String prefix = val.size() > 0 ? "val/" : "train/";
        RegressionEvaluation ev = new RegressionEvaluator().evaluate(model, check);
        metric(events, prefix + "rmse", ev.averageRMSE(), epochs);
        metric(events, prefix + "mae", ev.averageMAE(), epochs);
        metric(events, prefix + "r2", ev.averageR2(), epochs);
        return finish(events, model, check, data, epochs);
      }
      LabelFactory f = new LabelFactory();
      MutableDataset<Label> train = dataset(data, trainRows, f, Label::new);
      MutableDataset<Label> val = dataset(data, valRows, f, Label::new);
      var trainer =
          new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
              new LogMulticlass(), new AdaGrad(lr, 0.1), epochs, interval, minibatch, seed);
      events.status("training " + trainer);
      Model<Label> model = train(trainer, train);
      var check = val.size() > 0 ? val : train;
      String prefix = val.size() > 0 ? "val/" : "train/";
      LabelEvaluation ev = new LabelEvaluator().evaluate(model, check);
      metric(events, prefix + "accuracy", ev.accuracy(), epochs);
      metric(events, prefix + "macro_f1", ev.macroAveragedF1(), epochs);
      return finish(events, model, check, data, epochs);
    } finally {
      sgdLog.removeHandler(lossCapture);
      sgdLog.setUseParentHandlers(parents);
    }
  }

  private <T extends Output<T>> Outcome finish(
      Events events, Model<T> model, MutableDataset<T> check, TrainingData data, int epochs)
      throws Exception {
    events.status("exporting ONNX and checking it against ONNX Runtime");
    Files.createDirectories(outDir.resolve("model"));
    OnnxCheck.Result r = OnnxCheck.exportAndCompare(model, check, outDir.resolve("model"), spec);
    metric(events, "onnx/max_abs_diff", r.maxAbsDiff(), epochs);
    metric(events, "onnx/label_agreement", r.agreement(), epochs);
    // where the check scored: the host's CUDA, or its CPU and why not CUDA
    events.emit("tag", Map.of("key", "flightdeck.onnx.provider", "value", r.provider()));
    if (!(r.maxAbsDiff() <= OnnxCheck.TOLERANCE)) {
      return Outcome.failed(
          "The ONNX export disagrees with the Tribuo model by "
              + r.maxAbsDiff()
              + " on "
              + check.size()
              + " rows (limit "
              + OnnxCheck.TOLERANCE
              + "); the model was not published.");
    }
    CommandJob.Artifacts.report(outDir.resolve("model"), "model/", events);
    return Outcome.finished(
        "Trained on " + data.rows() + " rows; ONNX matches within " + r.maxAbsDiff() + ".");
  }

  private static <T extends Output<T>> Model<T> train(Trainer<T> trainer, MutableDataset<T> train) {
    return trainer.train(train);
  }

  private static <T extends Output<T>> MutableDataset<T> dataset(
      TrainingData d,
      List<Integer> rows,
      OutputFactory<T> factory,
      java.util.function.Function<String, T> output) {
    MutableDataset<T> ds =
        new MutableDataset<>(new SimpleDataSourceProvenance("csv:" + d.file(), factory), factory);
    String[] names = d.features().toArray(String[]::new);
    for (int i : rows) {
      ds.add(new ArrayExample<>(output.apply(d.y().get(i)), names, d.x().get(i).clone()));
    }
    return ds;
  }

  private static Handler lossCapture(Events events, int interval, int epochs, boolean negate) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        Matcher m = LOSS.matcher(String.valueOf(record.getMessage()));
        if (m.find()) {
          long epoch = Long.parseLong(m.group(1)) / Math.max(1, interval);
          double v = AgentCodec.parseDouble(m.group(2));
          // LogMulticlass reports the log-likelihood (it maximises): report the loss itself
          metric(events, "train/loss", negate ? -v : v, epoch);
          events.status("epoch " + epoch + "/" + epochs);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  static void metric(Events events, String key, double value, long step) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("key", key);
    f.put("value", AgentCodec.jsonDouble(value));
    f.put("step", step);
    f.put("mts", System.currentTimeMillis());
    events.emit("metric", f);
  }

  private long whole(String name, long dflt, long min, long max) {
    String v = spec.params().get(name);
    try {
      long x = v == null ? dflt : Long.parseLong(v.trim());
      if (x < min || x > max) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw new FlightdeckException(
          "The param '"
              + name
              + "' is '"
              + v
              + "'; it must be a whole number from "
              + min
              + " to "
              + max
              + ".",
          "Fix the value in the job's params.");
    }
  }

  private double real(String name, double dflt, double min, double max) {
    String v = spec.params().get(name);
    try {
      double x = v == null ? dflt : Double.parseDouble(v.trim());
      if (!(x >= min && x <= max) || (name.equals("learningRate") && x == 0)) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw new FlightdeckException(
          "The param '"
              + name
              + "' is '"
              + v
              + "'; it must be a number from "
              + min
              + " to "
              + max
              + ".",
          "Fix the value in the job's params.");
    }
  }
}
