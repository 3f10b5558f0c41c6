package io.flightdeck.views.runs;

import static io.flightdeck.views.common.Tables.column;

import io.flightdeck.views.charts.ChartPainter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The runs table: fixed run columns plus the chosen param, tag and metric columns. Cells hold plain
 * values (strings, numbers) so that 10,000 rows scroll smoothly; every column sorts.
 */
final class RunsTable {
  /** Numbers when both parse as numbers, else text. */
  static final Comparator<String> NUMERIC_AWARE =
      Comparator.nullsLast(
          (a, b) -> {
            Double x = parse(a), y = parse(b);
            if (x != null && y != null) {
              return Double.compare(x, y);
            }
            return x != null ? -1 : y != null ? 1 : a.compareTo(b);
          });

  private final TableView<RunTableRow> table = new TableView<>();
  private final int fixedColumns;
  private String groupKey = "";
  private List<ColumnChoice> choices = List.of();

  RunsTable() {
    table.setId("runs-table");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setPlaceholder(new Label("No runs match."));
    table.getColumns().add(column("Run", RunTableRow::name, 150));
    TableColumn<RunTableRow, String> status = column("Status", RunTableRow::status, 85);
    status.setCellFactory(c -> new StatusCell());
    table.getColumns().add(status);
    table.getColumns().add(column("Start", RunTableRow::start, 150));
    TableColumn<RunTableRow, Long> duration = column("Duration", RunTableRow::durationMs, 80);
    duration.setCellFactory(c -> new TextCell<>(RunsTable::duration));
    table.getColumns().add(duration);
    table.getColumns().add(column("User", RunTableRow::user, 80));
    table.getColumns().add(column("Host", RunTableRow::host, 80));
    table.getColumns().add(column("Source", RunTableRow::source, 130));
    fixedColumns = table.getColumns().size();
  }

  TableView<RunTableRow> table() {
    return table;
  }

  /** Replaces the optional columns; sorting by a column that remains is kept. */
  void setChoices(List<ColumnChoice> chosen, String group) {
    choices = List.copyOf(chosen);
    groupKey = group == null ? "" : group;
    List<TableColumn<RunTableRow, ?>> sortOrder = new ArrayList<>(table.getSortOrder());
    table.getColumns().remove(fixedColumns, table.getColumns().size());
    if (!groupKey.isEmpty()) {
      TableColumn<RunTableRow, String> g = textColumn("group: " + groupKey, r -> r.value(groupKey));
      g.setId("group-column");
      table.getColumns().add(1, g);
    }
    for (ColumnChoice c : choices) {
      table.getColumns().add(choiceColumn(c));
    }
    sortOrder.removeIf(c -> !table.getColumns().contains(c));
    table.getSortOrder().setAll(sortOrder);
  }

  private static TableColumn<RunTableRow, ?> choiceColumn(ColumnChoice c) {
    if (c.kind() == ColumnChoice.Kind.METRIC) {
      int i = c.agg().ordinal();
      TableColumn<RunTableRow, Double> col = new TableColumn<>(c.title());
      col.setCellValueFactory(
          cd -> {
            double[] v = cd.getValue().metrics().get(c.key());
            return new ReadOnlyObjectWrapper<>(v == null ? null : v[i]);
          });
      col.setComparator(Comparator.nullsLast(Double::compare));
      col.setCellFactory(x -> new TextCell<>(ChartPainter::format));
      col.setStyle("-fx-alignment: CENTER-RIGHT;");
      col.setPrefWidth(Math.max(80, c.title().length() * 7.5));
      return col;
    }
    return textColumn(
        c.title(),
        c.kind() == ColumnChoice.Kind.PARAM
            ? r -> r.params().get(c.key())
            : r -> r.tags().get(c.key()));
  }

  private static TableColumn<RunTableRow, String> textColumn(
      String title, java.util.function.Function<RunTableRow, String> f) {
    TableColumn<RunTableRow, String> col = column(title, f, Math.max(80, title.length() * 7.5));
    col.setComparator(NUMERIC_AWARE);
    return col;
  }

  /** The visible columns' headers and, for each row in table order, their values as text. */
  TableSnapshot snapshot() {
    List<TableColumn<RunTableRow, ?>> cols = table.getVisibleLeafColumns().stream().toList();
    List<String> headers = new ArrayList<>(List.of("run_id"));
    cols.forEach(c -> headers.add(c.getText()));
    List<List<String>> rows = new ArrayList<>(table.getItems().size());
    ObservableList<RunTableRow> items = table.getItems();
    for (int i = 0; i < items.size(); i++) {
      List<String> cells = new ArrayList<>(cols.size() + 1);
      cells.add(items.get(i).runId());
      for (TableColumn<RunTableRow, ?> c : cols) {
        Object v = c.getCellData(i);
        cells.add(v == null ? "" : String.valueOf(v));
      }
      rows.add(cells);
    }
    return new TableSnapshot(headers, rows);
  }

  void onSelectionChanged(Runnable r) {
    table
        .getSelectionModel()
        .getSelectedItems()
        .addListener((ListChangeListener<RunTableRow>) c -> r.run());
  }

  static String duration(Long ms) {
    if (ms == null || ms < 0) {
      return "";
    }
    return ms < 60_000
        ? String.format(Locale.ROOT, "%.1fs", ms / 1000.0)
        : ChartPainter.duration(ms / 1000.0);
  }

  private static Double parse(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    char c = s.charAt(0);
    if (!(Character.isDigit(c) || c == '-' || c == '.' || c == '+')) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final class TextCell<T> extends TableCell<RunTableRow, T> {
    private final java.util.function.Function<T, String> format;

    TextCell(java.util.function.Function<T, String> format) {
      this.format = format;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : format.apply(item));
    }
  }

  private static final class StatusCell extends TableCell<RunTableRow, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty ? null : item);
      String colour =
          empty || item == null
              ? null
              : switch (item) {
                case "RUNNING" -> "-fd-accent";
                case "FINISHED" -> "-fd-ok";
                case "FAILED" -> "-fd-bad";
                default -> "-fd-muted";
              };
      setStyle(colour == null ? "" : "-fx-text-fill: " + colour + "; -fx-font-weight: bold;");
    }
  }
}
