package io.flightdeck.store.dataset;

import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportPreview;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.ImportStatus;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Run in a child JVM by {@link ChildProcessImportTest}: {@code WORKSPACE FILE NAME} imports the
 * file and prints {@code PROGRESS rows} lines, then {@code IMPORTED NAME:N rows heapMB}.
 */
public final class ImportProcess {
  private ImportProcess() {}

  public static void main(String[] args) {
    try (LocalWorkspace ws =
        LocalWorkspace.open(Path.of(args[0]), Clock.systemUTC(), () -> "child")) {
      DatasetService ds = ws.datasets();
      ImportPreview p = ds.preview(Path.of(args[1]), Optional.empty(), Optional.empty());
      DatasetVersionInfo v =
          ds.importCsv(
              ImportRequest.from(p, args[2]),
              new ImportProgress() {
                @Override
                public void update(ImportStatus s) {
                  System.out.println("PROGRESS " + s.rows());
                  System.out.flush();
                }
              });
      System.out.println(
          "IMPORTED "
              + v.ref()
              + " "
              + v.lineage().rows()
              + " "
              + (Runtime.getRuntime().maxMemory() >> 20));
    }
  }
}
