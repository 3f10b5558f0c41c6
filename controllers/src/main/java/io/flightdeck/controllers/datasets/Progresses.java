package io.flightdeck.controllers.datasets;

import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportStatus;
import java.util.Locale;

/** Adapts the task runner's progress to the dataset service's. */
final class Progresses {
  private Progresses() {}

  static ImportProgress of(TaskRunner.Progress p) {
    return new ImportProgress() {
      @Override
      public void update(ImportStatus s) {
        double fraction =
            s.totalBytes() > 0 ? Math.min(1.0, (double) s.bytes() / s.totalBytes()) : -1;
        p.update(
            fraction,
            String.format(
                Locale.ROOT,
                "%,d rows, %,.0f rows/s, %.1f MB",
                s.rows(),
                s.rowsPerSecond(),
                s.bytes() / 1e6));
      }

      @Override
      public boolean isCancelled() {
        return p.isCancelled();
      }
    };
  }
}
