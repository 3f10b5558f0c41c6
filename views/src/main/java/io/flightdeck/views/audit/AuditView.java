package io.flightdeck.views.audit;

import static io.flightdeck.views.common.Tables.column;

import io.flightdeck.views.shell.MainView;
import java.io.File;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The audit trail: filters, chain status, the entries table, the selected entry's details, CSV
 * export.
 */
public final class AuditView {
  private final BorderPane root = new BorderPane();
  private final TextField actionFilter = new TextField();
  private final TextField objectFilter = new TextField();
  private final DatePicker fromDate = new DatePicker();
  private final DatePicker toDate = new DatePicker();
  private final Button verifyButton = new Button("Verify Chain");
  private final Button exportButton = new Button("Export CSV…");
  private final Button refreshButton = new Button("Refresh");
  private final Label chainLabel = new Label("Chain not verified yet");
  private final Label countLabel = new Label();
  private final TableView<AuditRow> table = new TableView<>();
  private final TextArea detailArea = new TextArea();
  private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
  private final ObjectProperty<ChainStatus> chainStatus =
      new SimpleObjectProperty<>(ChainStatus.UNKNOWN);
  private Function<Window, File> saveFileChooser = AuditView::chooseCsvFile;
  private Consumer<File> onExport = f -> {};

  /** Builds the layout. Call on the FX thread. */
  public AuditView() {
    root.setId("audit-view");
    root.getProperties().put(AuditView.class, this);
    root.getStyleClass().add("section-view");
    actionFilter.setId("audit-filter-action");
    actionFilter.setPromptText("Action contains…");
    objectFilter.setId("audit-filter-object");
    objectFilter.setPromptText("Object contains…");
    fromDate.setId("audit-filter-from");
    fromDate.setPromptText("From date");
    fromDate.setPrefWidth(130);
    toDate.setId("audit-filter-to");
    toDate.setPromptText("To date (incl.)");
    toDate.setPrefWidth(130);
    for (Button b : new Button[] {verifyButton, exportButton, refreshButton}) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    actionFilter.setPrefColumnCount(12);
    objectFilter.setPrefColumnCount(12);
    verifyButton.setId("verify-chain");
    exportButton.setId("export-csv");
    refreshButton.setId("refresh-audit");
    HBox filters =
        new HBox(
            8,
            actionFilter,
            objectFilter,
            fromDate,
            toDate,
            MainView.hgrowSpacer(),
            refreshButton,
            verifyButton,
            exportButton);
    filters.setAlignment(Pos.CENTER_LEFT);
    chainLabel.setId("chain-status");
    chainLabel.getStyleClass().add("chain-status");
    countLabel.setId("audit-count");
    HBox statusLine = new HBox(12, chainLabel, MainView.hgrowSpacer(), countLabel);
    statusLine.setAlignment(Pos.CENTER_LEFT);
    Label title = new Label("Audit Trail");
    title.getStyleClass().add("section-title");
    VBox top = new VBox(8, title, filters, statusLine);
    top.setPadding(new Insets(0, 0, 8, 0));
    root.setTop(top);
    buildTable();
    detailArea.setId("audit-detail");
    detailArea.setEditable(false);
    detailArea.setPrefRowCount(4);
    detailArea.setWrapText(true);
    VBox.setVgrow(table, Priority.ALWAYS);
    root.setCenter(table);
    root.setBottom(detailArea);
    BorderPane.setMargin(detailArea, new Insets(8, 0, 0, 0));
    root.setPadding(new Insets(12));
    chainStatus.addListener((obs, old, now) -> styleChain(now));
    exportButton.setOnAction(
        e -> {
          File f =
              saveFileChooser.apply(root.getScene() == null ? null : root.getScene().getWindow());
          if (f != null) {
            onExport.accept(f);
          }
        });
  }

  private void buildTable() {
    table.setId("audit-table");
    table.setItems(rows);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No audit entries match the filter."));
    table.getColumns().add(column("#", AuditRow::seq, 60));
    table.getColumns().add(column("Time", AuditRow::time, 170));
    table.getColumns().add(column("Who", AuditRow::actor, 90));
    table.getColumns().add(column("Action", AuditRow::action, 170));
    table.getColumns().add(column("Object type", AuditRow::objectType, 110));
    table.getColumns().add(column("Object", AuditRow::objectId, 220));
    table.getColumns().add(column("Details", AuditRow::details, 260));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, row) ->
                detailArea.setText(
                    row == null
                        ? ""
                        : "Entry "
                            + row.seq()
                            + " by "
                            + row.actor()
                            + " at "
                            + row.time()
                            + "\n"
                            + row.details()
                            + "\nSHA-256 "
                            + row.hash()));
  }

  private void styleChain(ChainStatus status) {
    chainLabel.getStyleClass().removeAll("chain-valid", "chain-broken", "chain-checking");
    switch (status) {
      case VALID -> chainLabel.getStyleClass().add("chain-valid");
      case BROKEN -> chainLabel.getStyleClass().add("chain-broken");
      case CHECKING -> chainLabel.getStyleClass().add("chain-checking");
      case UNKNOWN -> {}
    }
  }

  private static File chooseCsvFile(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export Audit Trail");
    chooser.setInitialFileName("audit.csv");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
    return chooser.showSaveDialog(owner);
  }

  public Node root() {
    return root;
  }

  public ObservableList<AuditRow> rows() {
    return rows;
  }

  public StringProperty actionFilterProperty() {
    return actionFilter.textProperty();
  }

  public StringProperty objectFilterProperty() {
    return objectFilter.textProperty();
  }

  public ObjectProperty<LocalDate> fromDateProperty() {
    return fromDate.valueProperty();
  }

  public ObjectProperty<LocalDate> toDateProperty() {
    return toDate.valueProperty();
  }

  public ObjectProperty<ChainStatus> chainStatusProperty() {
    return chainStatus;
  }

  public StringProperty chainTextProperty() {
    return chainLabel.textProperty();
  }

  public StringProperty countTextProperty() {
    return countLabel.textProperty();
  }

  public void setOnVerify(Runnable action) {
    verifyButton.setOnAction(e -> action.run());
  }

  public void setOnRefresh(Runnable action) {
    refreshButton.setOnAction(e -> action.run());
  }

  /** Called with the file the user chose for the export. */
  public void setOnExport(Consumer<File> action) {
    this.onExport = action;
  }

  /** Replaces the save-file dialog (for scripted use and tests). */
  public void setSaveFileChooser(Function<Window, File> chooser) {
    this.saveFileChooser = chooser;
  }
}
