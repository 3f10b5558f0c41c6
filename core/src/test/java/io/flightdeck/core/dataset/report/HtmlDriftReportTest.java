package io.flightdeck.core.dataset.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.TestVersions;
import io.flightdeck.core.dataset.drift.DriftAnalyzer;
import io.flightdeck.core.dataset.drift.DriftOptions;
import io.flightdeck.core.dataset.drift.DriftOverTime;
import io.flightdeck.core.dataset.drift.DriftReport;
import io.flightdeck.core.dataset.drift.DriftTimeline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlDriftReportTest {
  @TempDir Path tmp;

  @Test
  void oneSelfContainedFileWithChartsForEveryColumn() throws IOException {
    try (TestVersions v1 = TestVersions.sample(tmp, 1);
        TestVersions v2 = TestVersions.sample(tmp, 2)) {
      DriftReport r =
          new DriftAnalyzer()
              .compare(
                  v1.side(),
                  v2.side(),
                  DriftOptions.defaults(),
                  ImportProgress.NONE,
                  Instant.EPOCH);
      DriftOverTime t =
          new DriftTimeline()
              .byTime(v1.side(), v2.side(), 12, DriftOptions.defaults(), ImportProgress.NONE);
      String html = HtmlDriftReport.render(r, Optional.of(t));
      assertThat(html).startsWith("<!DOCTYPE html>");
      assertThat(html).contains("80 %").contains("Dataset drift").contains("Drift over time");
      // 1 strength chart + 5 distributions + 5 timelines
      assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(11);
      assertThat(html)
          .doesNotContain("<script")
          .doesNotContain("src=\"http")
          .doesNotContain("href=\"http");
      assertThat(html).contains("seattle-weather:1 → seattle-weather:2");
    }
  }

  @Test
  void namesAreEscaped() throws IOException {
    String csv = "<b>x</b>,y\n1.0,a\n2.0,b\n3.0,a\n";
    try (TestVersions a = TestVersions.of(tmp, "e", 1, csv, r -> r);
        TestVersions b = TestVersions.of(tmp, "e", 2, csv, r -> r)) {
      DriftReport r =
          new DriftAnalyzer()
              .compare(
                  a.side(), b.side(), DriftOptions.defaults(), ImportProgress.NONE, Instant.EPOCH);
      String html = HtmlDriftReport.render(r, Optional.empty());
      assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
    }
  }
}
