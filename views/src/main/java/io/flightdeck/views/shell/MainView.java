package io.flightdeck.views.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;

/**
 * The main window's layout: menu bar, sidebar of sections, content area with in-window
 * notifications, and a status bar with background-task progress and a cancel button. Passive: it
 * shows state and reports intents.
 */
public final class MainView {
  private final BorderPane root = new BorderPane();
  private final VBox sidebar = new VBox();
  private final StackPane content = new StackPane();
  private final NotificationPane notifications = new NotificationPane(content);
  private final StatusBar statusBar = new StatusBar();
  private final Button cancelButton = new Button("Cancel");
  private final Label workspaceLabel = new Label();
  private final ToggleGroup sectionToggles = new ToggleGroup();
  private final Menu viewMenu = new Menu("_View");
  private final MenuItem openWorkspaceItem = new MenuItem("_Open Workspace…");
  private final MenuItem quitItem = new MenuItem("_Quit");
  private final MenuItem themeItem = new MenuItem("Toggle _Dark Theme");
  private final MenuItem aboutItem = new MenuItem("_About Flightdeck");
  private final List<Section> sections = new ArrayList<>();
  private final ReadOnlyStringWrapper selectedSection = new ReadOnlyStringWrapper("");
  private final BooleanProperty sectionsEnabled = new SimpleBooleanProperty(true);
  private final Label placeholder = new Label("Opening workspace…");

  /** Builds the layout. Call on the FX thread. */
  public MainView() {
    root.getStyleClass().add("main-view");
    root.setId("main-view");
    root.setTop(buildMenuBar());
    sidebar.getStyleClass().add("sidebar");
    sidebar.setId("sidebar");
    sidebar.setPadding(new Insets(8));
    sidebar.setSpacing(4);
    sidebar.setPrefWidth(170);
    root.setLeft(sidebar);
    placeholder.setId("content-placeholder");
    placeholder.getStyleClass().add("placeholder");
    placeholder.setWrapText(true);
    content.getChildren().add(placeholder);
    content.getStyleClass().add("content");
    notifications.setId("notifications");
    notifications.setShowFromTop(false);
    root.setCenter(notifications);
    cancelButton.setId("cancel-task");
    cancelButton.setVisible(false);
    cancelButton.managedProperty().bind(cancelButton.visibleProperty());
    workspaceLabel.setId("workspace-label");
    statusBar.setId("status-bar");
    statusBar.setText("Ready");
    workspaceLabel.setPadding(new Insets(0, 8, 0, 8));
    statusBar
        .getRightItems()
        .addAll(workspaceLabel, new Separator(Orientation.VERTICAL), cancelButton);
    root.setBottom(statusBar);
  }

  private MenuBar buildMenuBar() {
    openWorkspaceItem.setId("menu-open-workspace");
    openWorkspaceItem.setAccelerator(
        new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
    quitItem.setId("menu-quit");
    quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    Menu file = new Menu("_File", null, openWorkspaceItem, new SeparatorMenuItem(), quitItem);
    themeItem.setId("menu-theme");
    themeItem.setAccelerator(
        new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    viewMenu.getItems().addAll(themeItem, new SeparatorMenuItem());
    aboutItem.setId("menu-about");
    aboutItem.setAccelerator(new KeyCodeCombination(KeyCode.F1));
    Menu help = new Menu("_Help", null, aboutItem);
    MenuBar bar = new MenuBar(file, viewMenu, help);
    bar.setId("menu-bar");
    return bar;
  }

  /** The root node for the scene. */
  public Parent root() {
    return root;
  }

  /**
   * Adds a section to the sidebar and to the View menu, with the shortcut Ctrl+N for the first
   * nine.
   *
   * @param section the section
   */
  public void addSection(Section section) {
    sections.add(section);
    int index = sections.size();
    ToggleButton button = new ToggleButton(section.title());
    button.setId("nav-" + section.id());
    button.getStyleClass().add("nav-button");
    button.setToggleGroup(sectionToggles);
    button.setMaxWidth(Double.MAX_VALUE);
    button.disableProperty().bind(sectionsEnabled.not());
    button.setOnAction(e -> selectSection(section.id()));
    sidebar.getChildren().add(button);
    MenuItem item = new MenuItem(section.title());
    item.setId("menu-section-" + section.id());
    if (index <= 9) {
      item.setAccelerator(
          new KeyCodeCombination(KeyCode.valueOf("DIGIT" + index), KeyCombination.SHORTCUT_DOWN));
    }
    item.disableProperty().bind(sectionsEnabled.not());
    item.setOnAction(e -> selectSection(section.id()));
    viewMenu.getItems().add(item);
  }

  /** Shows the section with this id; unknown ids are ignored. */
  public void selectSection(String id) {
    for (Section s : sections) {
      if (s.id().equals(id)) {
        content.getChildren().setAll(s.content());
        sectionToggles.getToggles().stream()
            .filter(t -> ((Node) t).getId().equals("nav-" + id))
            .findFirst()
            .ifPresent(t -> t.setSelected(true));
        selectedSection.set(id);
        return;
      }
    }
  }

  /**
   * Shows a message in place of the sections (while opening, or when no workspace could be opened).
   */
  public void showPlaceholder(String message) {
    placeholder.setText(message);
    content.getChildren().setAll(placeholder);
    selectedSection.set("");
  }

  /** The id of the section shown, empty when none. */
  public ReadOnlyStringProperty selectedSectionProperty() {
    return selectedSection.getReadOnlyProperty();
  }

  /** Whether the sections can be chosen (false while no workspace is open). */
  public BooleanProperty sectionsEnabledProperty() {
    return sectionsEnabled;
  }

  /** The status bar's text. */
  public StringProperty statusTextProperty() {
    return statusBar.textProperty();
  }

  /** The status bar's progress: 0..1, -1 for indeterminate, 0 for idle. */
  public DoubleProperty progressProperty() {
    return statusBar.progressProperty();
  }

  /** Whether the cancel button is shown. */
  public BooleanProperty cancelVisibleProperty() {
    return cancelButton.visibleProperty();
  }

  /** The workspace shown at the left of the status bar. */
  public StringProperty workspaceTextProperty() {
    return workspaceLabel.textProperty();
  }

  /** Shows a short notification at the bottom of the content area that hides itself. */
  public void notify(String message) {
    notifications.getActions().clear();
    notifications.show(message);
    javafx.animation.PauseTransition hide =
        new javafx.animation.PauseTransition(javafx.util.Duration.seconds(4));
    hide.setOnFinished(e -> notifications.hide());
    hide.play();
  }

  /**
   * Shows a notification with one action button; it hides itself after a while, or when the action
   * is taken.
   */
  public void notify(String message, String actionText, Runnable action) {
    notifications
        .getActions()
        .setAll(
            new org.controlsfx.control.action.Action(
                actionText,
                e -> {
                  notifications.hide();
                  action.run();
                }));
    notifications.show(message);
    javafx.animation.PauseTransition hide =
        new javafx.animation.PauseTransition(javafx.util.Duration.seconds(12));
    hide.setOnFinished(e -> notifications.hide());
    hide.play();
  }

  /** Takes the action of the notification shown last, if it has one (tests, keyboard). */
  public void takeNotificationAction() {
    if (!notifications.getActions().isEmpty()) {
      notifications.getActions().get(0).handle(new javafx.event.ActionEvent());
    }
  }

  /** The text of the notification shown last. */
  public String lastNotification() {
    return notifications.getText();
  }

  /** Accepts files dropped anywhere on the window (e.g. CSV files to import). */
  public void setOnFilesDropped(java.util.function.Consumer<java.util.List<java.io.File>> action) {
    root.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
          }
          e.consume();
        });
    root.setOnDragDropped(
        e -> {
          boolean ok = e.getDragboard().hasFiles();
          if (ok) {
            action.accept(java.util.List.copyOf(e.getDragboard().getFiles()));
          }
          e.setDropCompleted(ok);
          e.consume();
        });
  }

  public void setOnCancel(Runnable action) {
    cancelButton.setOnAction(e -> action.run());
  }

  public void setOnOpenWorkspace(Runnable action) {
    openWorkspaceItem.setOnAction(e -> action.run());
  }

  public void setOnQuit(Runnable action) {
    quitItem.setOnAction(e -> action.run());
  }

  public void setOnToggleTheme(Runnable action) {
    themeItem.setOnAction(e -> action.run());
  }

  public void setOnAbout(Runnable action) {
    aboutItem.setOnAction(e -> action.run());
  }

  /** A spacer that grows, for toolbars. */
  public static Region hgrowSpacer() {
    Region r = new Region();
    javafx.scene.layout.HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }
}
