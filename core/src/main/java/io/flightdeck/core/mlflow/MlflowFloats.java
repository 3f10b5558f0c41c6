package io.flightdeck.core.mlflow;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Metric values as MLflow's file store writes them: Python's {@code str(float)}. Stateless. */
final class MlflowFloats {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private MlflowFloats() {}

  /**
   * Reads what Python's {@code float()} reads from MLflow files: decimals, {@code nan}, {@code
   * inf}, {@code infinity} in any case with a sign, and Java's {@code NaN}/{@code Infinity}.
   *
   * @throws NumberFormatException for anything else
   */
  static double parse(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    String body = l.startsWith("+") || l.startsWith("-") ? l.substring(1) : l;
    if (body.equals("nan")) {
      return Double.NaN;
    }
    if (body.equals("inf") || body.equals("infinity")) {
      return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!DECIMAL.matcher(s).matches()) {
      throw new NumberFormatException("'" + s + "' is not a number");
    }
    return Double.parseDouble(s);
  }

  /**
   * Python's {@code repr}/{@code str} of a float: shortest round-trip digits, positional for
   * decimal exponents -4..15 ({@code 0.001}, {@code 100.0}), else {@code 1e-05}, {@code 1.5e+16};
   * {@code nan}, {@code inf}, {@code -inf}.
   */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0.0" : "0.0";
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    String digits = d.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - d.scale();
    String sign = v < 0 ? "-" : "";
    if (exp >= -4 && exp < 16) {
      String plain = d.abs().toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e = String.format(Locale.ROOT, "%02d", Math.abs(exp));
    return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + e;
  }
}
