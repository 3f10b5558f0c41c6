package io.flightdeck.views.jobs;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.GridPane;

/**
 * What built-in training learns from: dataset version, target, features and model. Shared by the
 * Train and Sweep dialogs; the controller fills the choices.
 */
public final class TrainingDataFields {
  private final ComboBox<String> dataset = new ComboBox<>();
  private final ComboBox<String> target = new ComboBox<>();
  private final ListView<String> features = new ListView<>();
  private final ComboBox<String> model =
      new ComboBox<>(FXCollections.observableArrayList("logistic", "linear"));

  /**
   * @param idPrefix the prefix of the fields' ids ("train" gives {@code train-dataset}, ...)
   */
  public TrainingDataFields(String idPrefix) {
    dataset.setId(idPrefix + "-dataset");
    target.setId(idPrefix + "-target");
    features.setId(idPrefix + "-features");
    features.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    features.setPrefHeight(120);
    model.setId(idPrefix + "-model");
    model.getSelectionModel().select("logistic");
  }

  /** Adds the fields as rows from {@code row} on; returns the next free row. */
  public int addTo(GridPane g, int row, Label featuresHint) {
    int r = row;
    g.addRow(r++, new Label("Dataset version"), dataset);
    g.addRow(r++, new Label("Target"), target);
    g.addRow(r++, new Label("Features"), features);
    g.add(featuresHint, 1, r++);
    g.addRow(r++, new Label("Model"), model);
    return r;
  }

  /** Offers a version's columns: every column as a target, numeric ones as features. */
  public void setColumns(List<String> all, List<String> numeric, String suggestedTarget) {
    target.getItems().setAll(all);
    if (suggestedTarget != null && all.contains(suggestedTarget)) {
      target.getSelectionModel().select(suggestedTarget);
    }
    features.getItems().setAll(numeric);
  }

  /** Re-fills earlier choices. */
  public void restore(String datasetRef, String targetColumn, List<String> chosen, String m) {
    dataset.getSelectionModel().select(datasetRef);
    target.getSelectionModel().select(targetColumn);
    chosen.forEach(f -> features.getSelectionModel().select(f));
    model.getSelectionModel().select(m);
  }

  /** The dataset choice (the controller fills it and reacts to changes). */
  public ComboBox<String> dataset() {
    return dataset;
  }

  public ComboBox<String> target() {
    return target;
  }

  public ComboBox<String> model() {
    return model;
  }

  public String datasetValue() {
    return dataset.getValue() == null ? "" : dataset.getValue();
  }

  public String targetValue() {
    return target.getValue() == null ? "" : target.getValue();
  }

  public List<String> chosenFeatures() {
    return new ArrayList<>(features.getSelectionModel().getSelectedItems());
  }
}
