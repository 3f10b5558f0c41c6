package io.flightdeck.core.dataset.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParserTest {
  private final ValueParser p = new ValueParser();

  @Test
  void wholeNumbersIncludingTheExtremes() {
    assertThat(p.tryLong("42")).isTrue();
    assertThat(p.longValue).isEqualTo(42);
    assertThat(p.tryLong(" -7 ")).isTrue();
    assertThat(p.longValue).isEqualTo(-7);
    assertThat(p.tryLong("9223372036854775807")).isTrue();
    assertThat(p.longValue).isEqualTo(Long.MAX_VALUE);
    assertThat(p.tryLong("-9223372036854775808")).isTrue();
    assertThat(p.longValue).isEqualTo(Long.MIN_VALUE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"9223372036854775808", "1.0", "1e3", "02139", "", "-", "1,000", "0x10", "12a"})
  void notWholeNumbers(String s) {
    assertThat(p.tryLong(s)).as(s).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "1.5",
        ".5",
        "-.25",
        "1.",
        "3.14159",
        "1e10",
        "1E-5",
        "-2.5e+3",
        "123456789012345678",
        "0.1234567890123456789",
        "1.7976931348623157e308",
        "4.9e-324",
        "2.2250738585072014E-308",
        "9007199254740993",
        "0.3",
        "100000000000000000000000"
      })
  void decimalsMatchTheJdk(String s) {
    assertThat(p.tryDouble(s)).as(s).isTrue();
    assertThat(p.doubleValue).as(s).isEqualTo(Double.parseDouble(s));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", ".", "-", "e5", "1e", "1.2.3", "1d", "1f", "0x1p3", "NaN", "01.5", "1,5", "abc"
      })
  void notDecimals(String s) {
    assertThat(p.tryDouble(s)).as(s).isFalse();
  }

  @Test
  void randomDecimalsRoundExactlyAsTheJdk() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-30, 30));
      String s =
          switch (i % 3) {
            case 0 -> Double.toString(v);
            case 1 -> String.format(Locale.ROOT, "%." + r.nextInt(0, 17) + "f", v);
            default -> String.format(Locale.ROOT, "%." + r.nextInt(0, 17) + "e", v);
          };
      assertThat(p.tryDouble(s)).as(s).isTrue();
      assertThat(p.doubleValue).as(s).isEqualTo(Double.parseDouble(s));
    }
  }

  @Test
  void nanAndInfinityTokens() {
    assertThat(p.tryNonFinite("NaN")).isTrue();
    assertThat(p.doubleValue).isNaN();
    assertThat(p.tryNonFinite("-Inf")).isTrue();
    assertThat(p.doubleValue).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(p.tryNonFinite("Infinity")).isTrue();
    assertThat(p.doubleValue).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(p.tryNonFinite("nan")).isTrue();
    assertThat(p.tryNonFinite("none")).isFalse();
  }

  @Test
  void booleansAndTheirExportTokens() {
    assertThat(p.tryBoolean("Yes")).isTrue();
    assertThat(p.booleanValue).isTrue();
    assertThat(p.tryBoolean("f")).isTrue();
    assertThat(p.booleanValue).isFalse();
    assertThat(p.tryBoolean("1")).isFalse();
    assertThat(ValueParser.booleanTokens("True")).isEqualTo("True/False");
    assertThat(ValueParser.booleanTokens("yes")).isEqualTo("yes/no");
    assertThat(ValueParser.booleanTokens("FALSE")).isEqualTo("TRUE/FALSE");
  }

  @Test
  void missingTokens() {
    assertThat(ValueParser.isMissingToken("")).isTrue();
    assertThat(ValueParser.isMissingToken("  ")).isTrue();
    assertThat(ValueParser.isMissingToken("NA")).isTrue();
    assertThat(ValueParser.isMissingToken("null")).isTrue();
    assertThat(ValueParser.isMissingToken("0")).isFalse();
    assertThat(ValueParser.isMissingToken("NaN")).isFalse();
  }
}
