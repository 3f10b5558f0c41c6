package io.flightdeck.core.registry.eval;

import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportStatus;
import io.flightdeck.core.dataset.columnar.ColumnChunk;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.Scorer;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

/**
 * One pass over a dataset version for an evaluation: reads the feature, target and group columns
 * row group by row group, skips (and counts) rows with a missing feature value or target, scores
 * the complete rows in batches of {@link #BATCH}, and keeps the outputs, the true values and a
 * seeded uniform sample of at most {@link #SAMPLE} rows for permutation importance. Not
 * thread-safe; one per evaluation.
 */
final class EvalPass {
  static final int BATCH = 8192;
  static final int SAMPLE = 20_000;

  private final ColumnarReader data;
  private final Scorer scorer;
  private final int[] featureCols;
  private final int targetCol;
  private final int groupCol;
  private final CellText targetText;
  private final CellText groupText;
  private final Map<String, Integer> labels = new HashMap<>();
  private final SplittableRandom random;
  final boolean classification;
  final int k;
  final int f;

  int n;
  double[] outputs;
  int[] actualClass;
  double[] actualValue;
  String[] groups;
  long skipped;
  long unknownTarget;
  final Map<String, Long> unknownValues = new TreeMap<>();
  float[] sample;
  int sampleRows;
  int[] sampleClass;
  double[] sampleValue;
  private long seen;

  EvalPass(
      ColumnarReader data,
      Scorer scorer,
      List<String> featureColumns,
      String target,
      String group,
      List<String> labelList,
      long seed) {
    this.data = data;
    this.scorer = scorer;
    this.featureCols = featureColumns.stream().mapToInt(data::indexOf).toArray();
    this.targetCol = data.indexOf(target);
    this.groupCol = group == null ? -1 : data.indexOf(group);
    this.targetText = new CellText(data.columns().get(targetCol));
    this.groupText = groupCol < 0 ? null : new CellText(data.columns().get(groupCol));
    this.classification = !labelList.isEmpty();
    for (int c = 0; c < labelList.size(); c++) {
      labels.putIfAbsent(labelList.get(c), c);
    }
    this.k = classification ? labelList.size() : 1;
    this.f = featureCols.length;
    this.random = new SplittableRandom(seed);
    if (data.rows() > (Integer.MAX_VALUE - 8) / Math.max(k, f)) {
      throw new FlightdeckException(
          "The dataset has "
              + data.rows()
              + " rows, more than one evaluation holds in memory with "
              + Math.max(k, f)
              + " values per row.",
          "Evaluate a sample: import a smaller version of the dataset.");
    }
    int rows = (int) data.rows();
    outputs = new double[rows * k];
    actualClass = classification ? new int[rows] : null;
    actualValue = classification ? null : new double[rows];
    groups = groupCol < 0 ? null : new String[rows];
    int cap = Math.min(SAMPLE, rows);
    sample = new float[cap * f];
    sampleClass = classification ? new int[cap] : null;
    sampleValue = classification ? null : new double[cap];
  }

  /** Reads and scores every row. */
  void run(ImportProgress progress) throws IOException {
    float[] batch = new float[BATCH * f];
    long start = System.nanoTime();
    long done = 0;
    for (int g = 0; g < data.groups(); g++) {
      checkCancelled(progress);
      ColumnChunk[] fc = new ColumnChunk[f];
      for (int j = 0; j < f; j++) {
        fc[j] = data.chunk(g, featureCols[j]);
      }
      ColumnChunk tc = data.chunk(g, targetCol);
      ColumnChunk gc = groupCol < 0 ? null : data.chunk(g, groupCol);
      int rows = data.groupRows(g);
      int inBatch = 0;
      int firstOfBatch = n;
      for (int i = 0; i < rows; i++) {
        if (!accept(fc, tc, gc, i, batch, inBatch)) {
          continue;
        }
        inBatch++;
        if (inBatch == BATCH) {
          score(batch, inBatch, firstOfBatch);
          inBatch = 0;
          firstOfBatch = n;
          checkCancelled(progress);
        }
      }
      if (inBatch > 0) {
        score(batch, inBatch, firstOfBatch);
      }
      done += rows;
      double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
      progress.update(new ImportStatus(done, done, data.rows(), done / secs));
    }
  }

  private boolean accept(
      ColumnChunk[] fc, ColumnChunk tc, ColumnChunk gc, int i, float[] batch, int at) {
    for (int j = 0; j < f; j++) {
      if (fc[j].isNull(i) || !Double.isFinite(fc[j].doubleAt(i))) {
        skipped++;
        return false;
      }
    }
    if (tc.isNull(i)) {
      skipped++;
      return false;
    }
    if (classification) {
      int c = targetText.labelIndex(tc, i, labels);
      if (c < 0) {
        unknownTarget++;
        if (unknownValues.size() < 10 || unknownValues.containsKey(targetText.text(tc, i))) {
          unknownValues.merge(targetText.text(tc, i), 1L, Long::sum);
        }
        return false;
      }
      actualClass[n] = c;
    } else {
      double v = tc.doubleAt(i);
      if (!Double.isFinite(v)) {
        skipped++;
        return false;
      }
      actualValue[n] = v;
    }
    for (int j = 0; j < f; j++) {
      batch[at * f + j] = (float) fc[j].doubleAt(i);
    }
    if (groups != null) {
      groups[n] = groupText.text(gc, i);
    }
    keepSample(batch, at);
    n++;
    return true;
  }

  /** Reservoir sampling (Algorithm R) of the accepted rows. */
  private void keepSample(float[] batch, int at) {
    long index = seen++;
    int cap = sample.length / f;
    int slot = index < cap ? (int) index : (int) random.nextLong(index + 1);
    if (slot < cap) {
      System.arraycopy(batch, at * f, sample, slot * f, f);
      if (classification) {
        sampleClass[slot] = actualClass[n];
      } else {
        sampleValue[slot] = actualValue[n];
      }
      sampleRows = Math.max(sampleRows, slot + 1);
    }
  }

  private void score(float[] batch, int rows, int first) {
    float[] out = ModelEvaluator.predict(scorer, Arrays.copyOf(batch, rows * f), rows, k);
    for (int i = 0; i < out.length; i++) {
      outputs[first * k + i] = out[i];
    }
  }

  static void checkCancelled(ImportProgress progress) {
    if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
      throw new CancellationException("Evaluation cancelled");
    }
  }
}
