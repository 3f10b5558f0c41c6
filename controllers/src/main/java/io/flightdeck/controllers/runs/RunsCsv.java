package io.flightdeck.controllers.runs;

import io.flightdeck.core.io.AtomicFiles;
import io.flightdeck.views.runs.TableSnapshot;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the runs table as shown (visible columns, display order) to a CSV file, atomically. */
final class RunsCsv {
  private RunsCsv() {}

  /** Returns the number of rows written. */
  static int write(TableSnapshot table, Path target) throws IOException {
    AtomicFiles.write(
        target,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          CSVPrinter csv =
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader(table.headers().toArray(String[]::new))
                  .get()
                  .print(w);
          for (List<String> row : table.rows()) {
            csv.printRecord(row);
          }
          csv.flush();
        });
    return table.rows().size();
  }
}
