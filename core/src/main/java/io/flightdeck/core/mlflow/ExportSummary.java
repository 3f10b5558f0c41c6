package io.flightdeck.core.mlflow;

import java.nio.file.Path;

/**
 * What an export to {@code mlruns/} wrote.
 *
 * @param experimentDir the experiment's folder ({@code mlruns/<id>})
 * @param runs runs written
 * @param metricPoints metric points written
 * @param artifacts artifact files written
 */
public record ExportSummary(Path experimentDir, int runs, long metricPoints, int artifacts) {}
