package io.flightdeck.views.models;

import io.flightdeck.views.charts.ChartSeries;
import java.util.List;

/**
 * What one evaluation shows, ready to draw.
 *
 * @param title "model:3 on weather:1"
 * @param classification true for classifiers (curves, confusion, calibration), false for regression
 *     (residuals)
 * @param metrics headline metrics
 * @param roc one ROC curve per class (or one for binary), x = false positive rate
 * @param pr precision-recall curves, x = recall
 * @param calibration mean predicted probability (x) against observed frequency (y)
 * @param labels confusion matrix labels
 * @param confusion counts[actual][predicted]
 * @param residuals x = predicted, y = actual − predicted; null for classifiers
 * @param fairness per-group metrics, empty when no group column was chosen
 * @param fairnessSummary the two differences, formatted, or empty
 * @param features permutation importance: features, largest first
 * @param importance mean score drop per feature
 * @param importanceStd its standard deviation over repeats
 */
public record EvaluationCharts(
    String title,
    boolean classification,
    List<MetricRow> metrics,
    List<ChartSeries> roc,
    List<ChartSeries> pr,
    List<ChartSeries> calibration,
    List<String> labels,
    long[][] confusion,
    ChartSeries residuals,
    List<FairnessRow> fairness,
    String fairnessSummary,
    List<String> features,
    double[] importance,
    double[] importanceStd) {}
