package io.flightdeck.views.jobs;

import java.util.Collection;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.VBox;

/**
 * The files of a command job's working folder to copy to a remote host: a multi-select list of
 * relative paths and a line saying what the list shows. Passive: the controller lists the folder.
 */
public final class UploadPicker extends VBox {
  private final ListView<String> files = new ListView<>();
  private final Label note = new Label();

  public UploadPicker() {
    super(4);
    setId("train-uploads-box");
    files.setId("train-uploads");
    files.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    files.setPrefHeight(110);
    files.setPlaceholder(new Label("No files to offer."));
    note.setId("train-uploads-note");
    note.setWrapText(true);
    note.setMaxWidth(440);
    note.getStyleClass().add("hint");
    getChildren().addAll(files, note);
  }

  /** Offers {@code all}; those of {@code selected} that are among them stay selected. */
  public void setFiles(List<String> all, Collection<String> selected, String noteText) {
    files.getItems().setAll(all);
    files.getSelectionModel().clearSelection();
    for (String f : selected) {
      files.getSelectionModel().select(f);
    }
    note.setText(noteText);
  }

  /** The files chosen, in list order. */
  public List<String> selected() {
    return List.copyOf(files.getSelectionModel().getSelectedItems());
  }

  /** Whether files can be chosen (only for a remote host); the note says why not. */
  public void setEnabled(boolean enabled, String noteText) {
    files.setDisable(!enabled);
    note.setText(noteText);
  }

  public String note() {
    return note.getText();
  }

  public ListView<String> list() {
    return files;
  }
}
