package io.flightdeck.controllers.audit;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.audit.ChainVerification;
import io.flightdeck.core.io.AtomicFiles;
import io.flightdeck.views.audit.AuditRow;
import io.flightdeck.views.audit.AuditView;
import io.flightdeck.views.audit.ChainStatus;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Fills the audit view: loads entries with the view's filters (debounced), verifies the chain,
 * exports CSV. All storage and file work runs on the task runner; view state is touched only on the
 * FX thread.
 */
public final class AuditController {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
  private final AuditView view;
  private final AuditLog log;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Consumer<String> notifier;
  private final ZoneId zone;
  private final PauseTransition debounce = new PauseTransition(Duration.millis(250));

  public AuditController(
      AuditView view,
      AuditLog log,
      TaskRunner tasks,
      ErrorPresenter errors,
      Consumer<String> notifier,
      ZoneId zone) {
    this.view = view;
    this.log = log;
    this.tasks = tasks;
    this.errors = errors;
    this.notifier = notifier;
    this.zone = zone;
    // Refresh also re-verifies: a badge that counts fewer entries than the table shows misleads
    view.setOnRefresh(
        () -> {
          refresh();
          verify();
        });
    view.setOnVerify(this::verify);
    view.setOnExport(this::export);
    debounce.setOnFinished(e -> refresh());
    view.actionFilterProperty().addListener((o, a, b) -> debounce.playFromStart());
    view.objectFilterProperty().addListener((o, a, b) -> debounce.playFromStart());
    view.fromDateProperty().addListener((o, a, b) -> refresh());
    view.toDateProperty().addListener((o, a, b) -> refresh());
  }

  /** The query the view's filters describe. */
  AuditQuery currentQuery() {
    Optional<Instant> from =
        Optional.ofNullable(view.fromDateProperty().get())
            .map(d -> d.atStartOfDay(zone).toInstant());
    Optional<Instant> to =
        Optional.ofNullable(view.toDateProperty().get())
            .map(d -> d.plusDays(1).atStartOfDay(zone).toInstant());
    return new AuditQuery(
        view.actionFilterProperty().get(),
        view.objectFilterProperty().get(),
        from,
        to,
        AuditQuery.DEFAULT_LIMIT);
  }

  /** Reloads the table with the current filters. */
  public void refresh() {
    AuditQuery q = currentQuery();
    tasks.submit(
        "Loading audit trail",
        p -> log.list(q).stream().map(AuditController::toRow).toList(),
        rows -> {
          view.rows().setAll(rows);
          view.countTextProperty().set(rows.size() + (rows.size() == 1 ? " entry" : " entries"));
        },
        e -> errors.show("Load the audit trail", e));
  }

  /** Verifies the whole chain and shows the verdict. */
  public void verify() {
    view.chainStatusProperty().set(ChainStatus.CHECKING);
    view.chainTextProperty().set("Verifying…");
    tasks.submit(
        "Verifying audit chain",
        p -> log.verify(),
        this::showVerdict,
        e -> {
          view.chainStatusProperty().set(ChainStatus.UNKNOWN);
          view.chainTextProperty().set("Verification failed");
          errors.show("Verify the audit trail", e);
        });
  }

  private void showVerdict(ChainVerification v) {
    view.chainStatusProperty().set(v.valid() ? ChainStatus.VALID : ChainStatus.BROKEN);
    view.chainTextProperty().set(v.summary());
  }

  /** Writes the entries matching the filters to {@code file} (temp file, then rename). */
  public void export(File file) {
    AuditQuery q = currentQuery();
    Path target = file.toPath();
    tasks.submit(
        "Exporting audit trail",
        p -> writeCsv(log.list(q), target),
        n -> notifier.accept("Exported " + n + " audit entries to " + target),
        e -> errors.show("Export the audit trail", e));
  }

  static int writeCsv(List<AuditEntry> entries, Path target) throws IOException {
    AtomicFiles.write(
        target,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          CSVPrinter csv =
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader(
                      "seq",
                      "time_utc",
                      "actor",
                      "action",
                      "object_type",
                      "object_id",
                      "details",
                      "prev_hash",
                      "hash")
                  .get()
                  .print(w);
          for (AuditEntry e : entries) {
            csv.printRecord(
                e.seq(),
                e.timestamp(),
                e.actor(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.detailsJson(),
                e.prevHash(),
                e.hash());
          }
          csv.flush();
        });
    return entries.size();
  }

  private static AuditRow toRow(AuditEntry e) {
    return new AuditRow(
        e.seq(),
        TIME.format(e.timestamp()),
        e.actor(),
        e.action(),
        e.objectType(),
        e.objectId(),
        e.detailsJson(),
        e.hash());
  }
}
