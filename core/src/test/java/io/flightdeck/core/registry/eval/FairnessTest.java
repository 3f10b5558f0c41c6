package io.flightdeck.core.registry.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flightdeck.core.error.FlightdeckException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FairnessTest {
  @Test
  void parityAndOpportunityDifferencesByHand() {
    // group a: 4 rows, actual 1,1,0,0 predicted 1,0,1,0 -> selection 0.5, TPR 0.5
    // group b: 4 rows, actual 1,1,0,0 predicted 1,1,1,1 -> selection 1.0, TPR 1.0
    // missing: 2 rows, actual 0,0 predicted 0,0 -> selection 0, no TPR
    String[] g = {"a", "a", "a", "a", "b", "b", "b", "b", null, null};
    int[] y = {1, 1, 0, 0, 1, 1, 0, 0, 0, 0};
    int[] p = {1, 0, 1, 0, 1, 1, 1, 1, 0, 0};
    EvaluationReport.FairnessReport r =
        Fairness.classification("region", g, y, p, List.of("no", "yes"), 1);
    assertThat(r.positiveLabel()).isEqualTo("yes");
    assertThat(r.groups())
        .extracting(EvaluationReport.GroupMetrics::group)
        .containsExactly(Fairness.MISSING, "a", "b");
    assertThat(r.demographicParityDifference()).isCloseTo(1.0, within(1e-15));
    assertThat(r.equalOpportunityDifference()).isCloseTo(0.5, within(1e-15));
    EvaluationReport.GroupMetrics a = r.groups().get(1);
    assertThat(a.rows()).isEqualTo(4);
    assertThat(a.metrics())
        .containsEntry("accuracy", 0.5)
        .containsEntry("selection_rate", 0.5)
        .containsEntry("true_positive_rate", 0.5)
        .containsEntry("false_positive_rate", 0.5)
        .containsEntry("precision", 0.5);
    assertThat(r.groups().get(0).metrics()).doesNotContainKey("true_positive_rate");
  }

  @Test
  void defaultPositiveIsSecondLabelForBinaryAndRarestOtherwise() {
    assertThat(Fairness.defaultPositive(new int[] {1, 1, 1, 0}, 2)).isEqualTo(1);
    assertThat(Fairness.defaultPositive(new int[] {0, 0, 1, 1, 1, 2, 2}, 4)).isEqualTo(0);
    assertThat(Fairness.defaultPositive(new int[] {0, 0, 0, 1, 2, 2}, 3)).isEqualTo(1);
  }

  @Test
  void regressionGivesPerGroupErrorsOnly() {
    EvaluationReport.FairnessReport r =
        Fairness.regression(
            "g", new String[] {"x", "x", "y"}, new double[] {1, 2, 3}, new double[] {1, 4, 3});
    assertThat(r.demographicParityDifference()).isNull();
    assertThat(r.groups().get(0).metrics().get("mae")).isEqualTo(1.0);
    assertThat(r.groups().get(1).metrics().get("rmse")).isEqualTo(0.0);
  }

  @Test
  void tooManyGroupsIsRefusedNamingTheColumn() {
    int n = Fairness.MAX_GROUPS + 1;
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      g[i] = "id" + i;
    }
    assertThatThrownBy(
            () ->
                Fairness.classification(
                    "customer_id", g, new int[n], new int[n], List.of("a", "b"), 1))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("customer_id");
  }
}
