package io.flightdeck.controllers.datasets;

import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.views.charts.ChartImages;
import io.flightdeck.views.datasets.DatasetsView;
import io.flightdeck.views.datasets.ProfileRow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Column profiles as table rows, and the detail chart of the selected column. FX thread. */
final class ProfilePresenter {
  private final DatasetsView view;

  ProfilePresenter(DatasetsView view) {
    this.view = view;
  }

  void show(DatasetVersionInfo info, List<ColumnProfile> profiles) {
    List<ProfileRow> rows = new ArrayList<>();
    for (ColumnProfile p : profiles) {
      String role =
          info.schema().stream()
              .filter(c -> c.name().equals(p.column()))
              .map(ColumnSpec::role)
              .map(Enum::name)
              .findFirst()
              .orElse("");
      rows.add(row(p, role.toLowerCase()));
    }
    view.profiles().setAll(rows);
    view.showColumnChart("", null);
  }

  static ProfileRow row(ColumnProfile p, String role) {
    String missing = Long.toString(p.missing());
    if (p.nan() > 0 || p.infinite() > 0) {
      missing += " (+" + p.nan() + " NaN, " + p.infinite() + " Inf)";
    }
    String distinct = (p.distinctExact() ? "" : "~") + p.distinct();
    String quantiles =
        p.quantiles() == null || p.quantiles().isEmpty()
            ? ""
            : (Boolean.FALSE.equals(p.quantilesExact()) ? "~ " : "")
                + p.quantiles().stream()
                    .map(ProfilePresenter::num)
                    .collect(Collectors.joining(" · "));
    double[] bars;
    List<String> labels;
    if (p.histogram() != null && !p.histogram().counts().isEmpty()) {
      bars = p.histogram().counts().stream().mapToDouble(Long::doubleValue).toArray();
      labels =
          p.histogram().edges().stream().limit(bars.length).map(ProfilePresenter::num).toList();
    } else if (p.top() != null && !p.top().isEmpty()) {
      bars = p.top().stream().mapToDouble(c -> c.count()).toArray();
      labels = p.top().stream().map(ColumnProfile.CategoryCount::value).toList();
    } else {
      bars = new double[0];
      labels = List.of();
    }
    return new ProfileRow(
        p.column(),
        p.type().name(),
        role,
        p.count(),
        missing,
        distinct,
        num(p.min()),
        num(p.max()),
        num(p.mean()),
        num(p.std()),
        quantiles,
        bars,
        labels);
  }

  void showDetail(ProfileRow row) {
    if (row == null || row.histogram().length == 0) {
      view.showColumnChart(row == null ? "" : row.column() + ": no distribution to show", null);
      return;
    }
    List<Double> values = new ArrayList<>();
    for (double v : row.histogram()) {
      values.add(v);
    }
    view.showColumnChart(
        row.column() + " — " + row.type().toLowerCase(),
        ChartImages.distribution(row.column(), row.binLabels(), values, 760, 260));
  }

  private static String num(Double v) {
    return v == null ? "" : ChartImages.shortNumber(v);
  }
}
