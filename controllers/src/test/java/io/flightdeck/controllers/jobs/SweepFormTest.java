package io.flightdeck.controllers.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.views.jobs.SweepChoices;
import io.flightdeck.views.jobs.SweepChoices.SweepParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepFormTest {
  private static SweepChoices choices(boolean random, List<SweepParam> params, List<String> hosts) {
    return new SweepChoices(
        "sample:1",
        "weather",
        List.of(),
        "logistic",
        "s1",
        random,
        params,
        "5",
        "7",
        "Default",
        hosts);
  }

  @Test
  void gridOverChosenHostsWithTheirLimits() {
    SweepForm.Plan p =
        SweepForm.plan(
            choices(
                false,
                List.of(new SweepParam("epochs", "2, 3"), new SweepParam("seed", "1,2,")),
                List.of("local", "box")),
            Map.of("box", 4));
    assertThat(p.trials()).hasSize(4).first().isEqualTo(Map.of("epochs", "2", "seed", "1"));
    assertThat(p.hostLimits()).containsExactly(Map.entry("local", 2), Map.entry("box", 4));
    assertThat(p.summary()).isEqualTo("4 trials over 2 hosts (local 2, box 4 at once)");
    assertThat(p.base().params()).isEmpty();
  }

  @Test
  void randomDrawsTheGivenNumberOfTrials() {
    SweepForm.Plan p =
        SweepForm.plan(
            choices(true, List.of(new SweepParam("learningRate", "log:0.01..1")), List.of("local")),
            Map.of());
    assertThat(p.trials()).hasSize(5);
    assertThat(p.summary()).startsWith("5 trials over 1 host");
  }

  @Test
  void problemsNameTheField() {
    assertThatThrownBy(
            () ->
                SweepForm.plan(
                    choices(true, List.of(new SweepParam("lr", "lo..hi")), List.of("local")),
                    Map.of()))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'lo..hi' for 'lr' is not a range");
    assertThatThrownBy(
            () ->
                SweepForm.plan(
                    choices(false, List.of(new SweepParam("epochs", "2")), List.of()), Map.of()))
        .hasMessageContaining("No host");
    assertThatThrownBy(
            () ->
                SweepForm.plan(
                    choices(
                        false,
                        List.of(new SweepParam("epochs", "2"), new SweepParam("epochs", "3")),
                        List.of("local")),
                    Map.of()))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(
            () ->
                SweepForm.plan(
                    choices(false, List.of(new SweepParam(" ", "")), List.of("local")), Map.of()))
        .hasMessageContaining("No hyperparameter");
  }
}
