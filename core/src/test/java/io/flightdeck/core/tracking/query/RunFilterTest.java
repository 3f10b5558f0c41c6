package io.flightdeck.core.tracking.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.tracking.MetricSummary;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunFilterTest {
  static RunRow row(
      String id,
      RunStatus status,
      long start,
      Map<String, String> params,
      double auc,
      double loss) {
    RunInfo info =
        new RunInfo(
            id,
            1,
            "run-" + id,
            status,
            Instant.ofEpochMilli(start),
            status.terminal() ? Instant.ofEpochMilli(start + 10) : null,
            "ana",
            "local",
            "train.py",
            "",
            null);
    Map<String, MetricSummary> metrics =
        Double.isNaN(auc)
            ? Map.of("val loss", new MetricSummary("val loss", loss, loss, loss, 3, 4))
            : Map.of(
                "auc", new MetricSummary("auc", auc, 0.1, 0.99, 3, 4),
                "val loss", new MetricSummary("val loss", loss, loss, loss, 3, 4));
    return new RunRow(info, params, Map.of("team", "Churn-A"), metrics);
  }

  final RunRow a =
      row("a", RunStatus.FINISHED, 1000, Map.of("lr", "0.01", "opt", "adam"), 0.93, 0.2);
  final RunRow b = row("b", RunStatus.FAILED, 2000, Map.of("lr", "0.1", "opt", "sgd"), 0.71, 0.5);
  final RunRow c = row("c", RunStatus.RUNNING, 3000, Map.of("opt", "adamw"), Double.NaN, 0.4);
  final List<RunRow> all = List.of(a, b, c);

  List<String> ids(String expr) {
    RunFilter f = RunFilter.parse(expr);
    return all.stream().filter(f).map(r -> r.info().runId()).toList();
  }

  @Test
  void mlflowExamples() {
    assertThat(ids("metrics.auc > 0.9 and params.lr = '0.01'")).containsExactly("a");
    assertThat(ids("metrics.auc >= 0.71")).containsExactly("a", "b");
    assertThat(ids("metrics.auc != 0.71")).containsExactly("a"); // c has no auc: false
    assertThat(ids("metrics.auc<0.8")).containsExactly("b");
    assertThat(ids("metrics.auc = 0.93")).containsExactly("a");
    assertThat(ids("metrics.auc <= 0.93 AND metrics.auc > 7.1e-1")).containsExactly("a");
    assertThat(ids("params.lr != \"0.01\"")).containsExactly("b"); // c has no lr: false
    assertThat(ids("tags.team = 'Churn-A'")).containsExactly("a", "b", "c");
  }

  @Test
  void emptyMatchesAll() {
    assertThat(ids("")).containsExactly("a", "b", "c");
    assertThat(ids("   ")).containsExactly("a", "b", "c");
    assertThat(RunFilter.parse(null)).isSameAs(RunFilter.ALL);
  }

  @Test
  void likeAndIlike() {
    assertThat(ids("params.opt LIKE 'adam%'")).containsExactly("a", "c");
    assertThat(ids("params.opt like 'ada_'")).containsExactly("a");
    assertThat(ids("tags.team LIKE 'churn%'")).isEmpty();
    assertThat(ids("tags.team ILIKE 'churn%'")).containsExactly("a", "b", "c");
    assertThat(ids("params.lr LIKE '0.0%'")).containsExactly("a"); // '.' is literal
    assertThat(ids("params.lr LIKE '0_01'")).containsExactly("a");
    assertThat(ids("params.lr LIKE '0x01'")).isEmpty();
  }

  @Test
  void orParenthesesAndIn() {
    assertThat(ids("metrics.auc > 0.9 or params.opt = 'adamw'")).containsExactly("a", "c");
    assertThat(ids("(metrics.auc > 0.9 or params.opt = 'sgd') and params.lr = '0.1'"))
        .containsExactly("b");
    // and binds tighter than or
    assertThat(ids("params.opt = 'adamw' or metrics.auc > 0.9 and params.lr = '0.1'"))
        .containsExactly("c");
    assertThat(ids("params.opt IN ('adam', 'sgd')")).containsExactly("a", "b");
    assertThat(ids("params.opt NOT IN ('adam', 'sgd')")).containsExactly("c");
  }

  @Test
  void attributes() {
    assertThat(ids("attributes.status = 'FAILED'")).containsExactly("b");
    assertThat(ids("attribute.status != 'RUNNING'")).containsExactly("a", "b");
    assertThat(ids("run.start_time >= 2000")).containsExactly("b", "c");
    assertThat(ids("attributes.end_time > 0")).containsExactly("a", "b"); // c still running
    assertThat(ids("attributes.run_name = 'run-c'")).containsExactly("c");
    assertThat(ids("attributes.run_id IN ('a', 'c')")).containsExactly("a", "c");
    assertThat(ids("attributes.user = 'ana' and attributes.host = 'local'"))
        .containsExactly("a", "b", "c");
  }

  @Test
  void quotedKeys() {
    assertThat(ids("metrics.`val loss` < 0.45")).containsExactly("a", "c");
    assertThat(ids("metrics.\"val loss\" > 0.45")).containsExactly("b");
  }

  @Test
  void errorsNameColumnAndToken() {
    assertThatThrownBy(() -> RunFilter.parse("metrics.auc x 0.9"))
        .isInstanceOf(RunFilterException.class)
        .hasMessage(
            "Unexpected 'x' at column 13: expected a comparison operator (=, !=, <, <=, >, >=,"
                + " LIKE, ILIKE).")
        .satisfies(
            e -> {
              assertThat(((RunFilterException) e).column()).isEqualTo(13);
              assertThat(((RunFilterException) e).token()).isEqualTo("x");
            });
    assertThat(error("params.lr = 0.01").column()).isEqualTo(13);
    assertThat(error("params.lr = 0.01").getMessage()).contains("expected a quoted value");
    assertThat(error("metrics.auc > 'high'").getMessage()).contains("expected a number");
    assertThat(error("metrics.auc LIKE '9%'").getMessage()).contains("is a number");
    assertThat(error("params.lr < '1'").getMessage()).contains("is text");
    assertThat(error("foo.bar = '1'").column()).isEqualTo(1);
    assertThat(error("metrics.auc > 0.9 and").getMessage())
        .startsWith("Unexpected end of the expression at column 22");
    assertThat(error("metrics.auc > 0.9 nand params.lr = '1'").token()).isEqualTo("nand");
    assertThat(error("(metrics.auc > 0.9").getMessage()).contains("')' to close");
    assertThat(error("params.lr = '0.01").column()).isEqualTo(13);
    assertThat(error("attributes.color = 'red'").getMessage()).contains("Unknown attribute");
    assertThat(error("metrics.auc > 0.9 # x").column()).isEqualTo(19);
  }

  private static RunFilterException error(String expr) {
    try {
      RunFilter.parse(expr);
    } catch (RunFilterException e) {
      return e;
    }
    throw new AssertionError("no error for " + expr);
  }

  @Test
  void sort() {
    assertThat(sorted("metrics.auc DESC")).containsExactly("a", "b", "c");
    assertThat(sorted("metrics.auc asc")).containsExactly("b", "a", "c"); // missing last
    assertThat(sorted("params.opt DESC")).containsExactly("b", "c", "a");
    assertThat(sorted("attributes.status, attributes.start_time DESC"))
        .containsExactly("b", "a", "c");
    assertThat(sorted("")).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> RunSort.parse("metrics.auc DOWN"))
        .isInstanceOf(RunFilterException.class)
        .hasMessageContaining("'DOWN' at column 13");
  }

  private List<String> sorted(String expr) {
    return all.stream()
        .sorted(RunSort.parse(expr).comparator())
        .map(r -> r.info().runId())
        .toList();
  }
}
