package io.relaywatch.bench.report;

import java.util.Locale;

/**
 * One measured figure of a benchmark run, with the baseline measured in the same run (if it has
 * one) and the target an issue set (if any).
 *
 * @param name what was measured, e.g. {@code relaywatch report, lines/s}
 * @param value the measured value
 * @param unit the value's unit, e.g. {@code lines/s}
 * @param baselineName what the baseline is, e.g. {@code pflogsumm}; empty without a baseline
 * @param baseline the baseline's value in the same unit, NaN without one
 * @param higherIsBetter whether a larger value (and so a larger ratio) is better
 * @param target the target, or {@link Target#NONE}
 * @param pairedRatio the ratio as the script computed it (the median of ratios taken within each
 *     round), NaN to divide {@code value} by {@code baseline}
 */
public record Figure(
    String name,
    double value,
    String unit,
    String baselineName,
    double baseline,
    boolean higherIsBetter,
    Target target,
    double pairedRatio) {

  public Figure(
      String name,
      double value,
      String unit,
      String baselineName,
      double baseline,
      boolean higherIsBetter,
      Target target) {
    this(name, value, unit, baselineName, baseline, higherIsBetter, target, Double.NaN);
  }

  /** A figure with no baseline (an absolute budget, like peak RSS). */
  public static Figure absolute(
      String name, double value, String unit, boolean higherIsBetter, Target target) {
    return new Figure(name, value, unit, "", Double.NaN, higherIsBetter, target);
  }

  public boolean hasBaseline() {
    return !baselineName.isEmpty() && baseline > 0 && !Double.isNaN(baseline);
  }

  /** value / baseline (or the paired ratio when given), NaN without a baseline. */
  public double ratio() {
    if (!hasBaseline()) {
      return Double.NaN;
    }
    return Double.isNaN(pairedRatio) ? value / baseline : pairedRatio;
  }

  /** This figure with the ratio the script computed round by round. */
  public Figure withPairedRatio(double ratio) {
    return new Figure(name, value, unit, baselineName, baseline, higherIsBetter, target, ratio);
  }

  /** Whether the target is met; true when there is none. */
  public boolean meetsTarget() {
    return target.metBy(value, ratio());
  }

  /** A number as the tables print it: thousands separated, decimals only for small numbers. */
  static String format(double number) {
    if (Double.isNaN(number)) {
      return "-";
    }
    double magnitude = Math.abs(number);
    if (magnitude < 100 && number == Math.rint(number)) {
      return String.format(Locale.ROOT, "%.0f", number);
    }
    String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, number);
  }

  /** A target on the value or on the ratio to the baseline. */
  public record Target(Kind kind, double bound) {
    public static final Target NONE = new Target(Kind.NONE, Double.NaN);

    /** What the bound applies to. */
    public enum Kind {
      NONE,
      VALUE_AT_LEAST,
      VALUE_AT_MOST,
      RATIO_AT_LEAST
    }

    public static Target valueAtLeast(double bound) {
      return new Target(Kind.VALUE_AT_LEAST, bound);
    }

    public static Target valueAtMost(double bound) {
      return new Target(Kind.VALUE_AT_MOST, bound);
    }

    public static Target ratioAtLeast(double bound) {
      return new Target(Kind.RATIO_AT_LEAST, bound);
    }

    boolean metBy(double value, double ratio) {
      return switch (kind) {
        case NONE -> true;
        case VALUE_AT_LEAST -> value >= bound;
        case VALUE_AT_MOST -> value <= bound;
        case RATIO_AT_LEAST -> ratio >= bound;
      };
    }

    /** As the table prints it, e.g. {@code ratio >= 5} or {@code <= 256 MB}. */
    String text(String unit) {
      return switch (kind) {
        case NONE -> "";
        case VALUE_AT_LEAST -> ">= " + format(bound) + " " + unit;
        case VALUE_AT_MOST -> "<= " + format(bound) + " " + unit;
        case RATIO_AT_LEAST -> "ratio >= " + format(bound);
      };
    }
  }
}
