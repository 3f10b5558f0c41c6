package io.flightdeck.core.registry.eval;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportStatus;
import io.flightdeck.core.dataset.columnar.ColumnChunk;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import io.flightdeck.core.registry.Scorer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a dataset version's rows plus their predictions as CSV (RFC 4180, UTF-8, header), one row
 * group at a time, scoring each group's complete rows in batches. Values are written as the export
 * writes them, so the import reads them back unchanged; missing values and the predictions of
 * incomplete rows are empty cells. Not thread-safe; one per scoring.
 */
final class ScoredCsv {
  private final ColumnarReader data;
  private final List<ColumnSpec> schema;
  private final Scorer scorer;
  private final int[] featureCols;
  private final List<String> labels;
  private final List<ColumnSpec> added;
  private final int width;

  ScoredCsv(
      ColumnarReader data,
      List<ColumnSpec> schema,
      Scorer scorer,
      List<String> featureColumns,
      List<String> labels,
      List<ColumnSpec> added) {
    this.data = data;
    this.schema = schema;
    this.scorer = scorer;
    this.featureCols = featureColumns.stream().mapToInt(data::indexOf).toArray();
    this.labels = labels;
    this.added = added;
    this.width = labels.isEmpty() ? 1 : labels.size();
  }

  void write(Path file, ImportProgress progress) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    int cols = schema.size();
    CellText[] cells = new CellText[cols];
    for (int c = 0; c < cols; c++) {
      cells[c] = new CellText(schema.get(c));
    }
    int f = featureCols.length;
    long done = 0;
    long start = System.nanoTime();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(w, format)) {
      String[] header = new String[cols + added.size()];
      for (int c = 0; c < cols; c++) {
        header[c] = schema.get(c).name();
      }
      for (int a = 0; a < added.size(); a++) {
        header[cols + a] = added.get(a).name();
      }
      out.printRecord((Object[]) header);
      for (int g = 0; g < data.groups(); g++) {
        EvalPass.checkCancelled(progress);
        ColumnChunk[] chunks = new ColumnChunk[cols];
        for (int c = 0; c < cols; c++) {
          chunks[c] = data.chunk(g, c);
        }
        int rows = data.groupRows(g);
        float[] x = new float[rows * f];
        int[] slot = new int[rows];
        int complete = 0;
        for (int i = 0; i < rows; i++) {
          slot[i] = -1;
          if (fill(chunks, i, x, complete)) {
            slot[i] = complete++;
          }
        }
        float[] y = ModelEvaluator.predictAll(scorer, Arrays.copyOf(x, complete * f), f, width);
        String[] record = new String[header.length];
        for (int i = 0; i < rows; i++) {
          for (int c = 0; c < cols; c++) {
            String s = cells[c].text(chunks[c], i);
            record[c] = s == null ? "" : s;
          }
          predictions(y, slot[i], record, cols);
          out.printRecord((Object[]) record);
        }
        done += rows;
        double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        progress.update(new ImportStatus(done, done, data.rows(), done / secs));
      }
    }
  }

  private boolean fill(ColumnChunk[] chunks, int i, float[] x, int at) {
    int f = featureCols.length;
    for (int j = 0; j < f; j++) {
      ColumnChunk c = chunks[featureCols[j]];
      if (c.isNull(i) || !Double.isFinite(c.doubleAt(i))) {
        return false;
      }
      x[at * f + j] = (float) c.doubleAt(i);
    }
    return true;
  }

  private void predictions(float[] y, int slot, String[] record, int from) {
    if (slot < 0) {
      Arrays.fill(record, from, record.length, "");
      return;
    }
    if (labels.isEmpty()) {
      record[from] = Float.toString(y[slot]);
      return;
    }
    int best = 0;
    for (int c = 0; c < width; c++) {
      float p = y[slot * width + c];
      record[from + 1 + c] = Float.toString(p);
      if (p > y[slot * width + best]) {
        best = c;
      }
    }
    record[from] = labels.get(best);
  }
}
