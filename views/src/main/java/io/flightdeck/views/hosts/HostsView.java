package io.flightdeck.views.hosts;

import static io.flightdeck.views.common.Tables.column;

import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Hosts section: the host inventory, its actions, and what the last test found on the selected
 * host. Enter edits, Delete removes. Passive: the controller fills its state and handles the
 * buttons.
 */
public final class HostsView {
  private final BorderPane root = new BorderPane();
  private final Button add = button("addHostButton", "_Add…", "Add a remote host reached over SSH");
  private final Button edit =
      button("editHostButton", "_Edit…", "Change the selected host (Enter)");
  private final Button remove =
      button("removeHostButton", "_Remove", "Remove the selected host from the inventory (Delete)");
  private final Button test =
      button(
          "testHostButton",
          "_Test Connection",
          "Log in and show the host's OS, CPUs, memory, disk, Java, GPUs and agent");
  private final Button install =
      button(
          "installAgentButton",
          "_Install/Upgrade Agent",
          "Copy the agent this Flightdeck ships to the host (only when it differs)");
  private final Button uninstall =
      button("uninstallAgentButton", "_Uninstall Agent…", "Remove the agent from the host");
  private final TableView<HostRow> table = new TableView<>();
  private final ObservableList<HostRow> rows = FXCollections.observableArrayList();
  private final Label detailsTitle = new Label("No host selected.");
  private final TextArea details = new TextArea();
  private Runnable onEdit = () -> {};
  private Runnable onRemove = () -> {};

  /** Builds the layout. Call on the FX thread. */
  public HostsView() {
    root.setId("hosts-view");
    root.getProperties().put(HostsView.class, this);
    BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull();
    for (Button b : new Button[] {edit, remove, test, install, uninstall}) {
      b.disableProperty().bind(none);
    }
    edit.setOnAction(e -> onEdit.run());
    remove.setOnAction(e -> onRemove.run());
    ToolBar bar =
        new ToolBar(
            add, edit, remove, new Separator(Orientation.VERTICAL), test, install, uninstall);
    table.setId("hostsTable");
    table.setItems(rows);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(
        new Label("No hosts yet. Add a GPU box, a cloud VM or a login node with Add…"));
    table.getColumns().add(column("Name", HostRow::name, 90));
    table.getColumns().add(column("Address", HostRow::address, 160));
    table.getColumns().add(column("Authentication", HostRow::auth, 125));
    table.getColumns().add(column("Max jobs", HostRow::maxJobs, 70));
    table.getColumns().add(column("Status", HostRow::status, 480));
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER && selected().isPresent()) {
            onEdit.run();
            e.consume();
          } else if (e.getCode() == KeyCode.DELETE && selected().isPresent()) {
            onRemove.run();
            e.consume();
          }
        });
    table.setRowFactory(
        t -> {
          javafx.scene.control.TableRow<HostRow> row = new javafx.scene.control.TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                  onEdit.run();
                }
              });
          return row;
        });
    detailsTitle.setId("hostDetailsTitle");
    detailsTitle.getStyleClass().add("section-title");
    detailsTitle.setWrapText(true);
    details.setId("hostDetails");
    details.setEditable(false);
    details.setWrapText(true);
    details.setStyle("-fx-font-family: monospace;");
    details.setPromptText("Test Connection shows what the host has here.");
    VBox lower = new VBox(6, detailsTitle, details);
    VBox.setVgrow(details, Priority.ALWAYS);
    lower.setPadding(new Insets(6));
    // the table gets the window's width: addresses, key files and test results are long
    SplitPane split = new SplitPane(table, lower);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.4);
    root.setTop(bar);
    root.setCenter(split);
  }

  private static Button button(String id, String text, String tip) {
    Button b = new Button(text);
    b.setId(id);
    b.setMnemonicParsing(true);
    b.setTooltip(new Tooltip(tip));
    return b;
  }

  public Node root() {
    return root;
  }

  /** The table's rows (state). */
  public ObservableList<HostRow> rows() {
    return rows;
  }

  public TableView<HostRow> table() {
    return table;
  }

  public Optional<HostRow> selected() {
    return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
  }

  /** Selects the row of that host, if shown. */
  public void select(String name) {
    rows.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .ifPresent(r -> table.getSelectionModel().select(r));
  }

  /** Shows what is known about the selected host: a title line and detail lines. */
  public void showDetails(String title, String text) {
    detailsTitle.setText(title);
    details.setText(text);
  }

  public String detailsText() {
    return details.getText();
  }

  public Button addButton() {
    return add;
  }

  public Button editButton() {
    return edit;
  }

  public Button removeButton() {
    return remove;
  }

  public Button testButton() {
    return test;
  }

  public Button installButton() {
    return install;
  }

  public Button uninstallButton() {
    return uninstall;
  }

  /** Edit…, Enter and a double click on a row. */
  public void setOnEdit(Runnable action) {
    onEdit = action;
  }

  /** Remove and the Delete key. */
  public void setOnRemove(Runnable action) {
    onRemove = action;
  }
}
