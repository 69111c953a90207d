package io.relaywatch.bench.report;

import java.util.List;

/**
 * The one markdown table of {@code results.md}: each figure as an absolute number, its baseline
 * from the same run, the ratio, and the target where an issue set one.
 */
final class ResultsTable {
  private ResultsTable() {}

  static String markdown(List<Figure> figures) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| figure | value | baseline (same run) | ratio to baseline | better | target | met |\n");
    out.append("| --- | ---: | --- | ---: | --- | --- | --- |\n");
    for (Figure f : figures) {
      out.append("| ")
          .append(escape(f.name()))
          .append(" | ")
          .append(Figure.format(f.value()))
          .append(' ')
          .append(escape(f.unit()))
          .append(" | ")
          .append(
              f.hasBaseline() ? escape(f.baselineName()) + ": " + Figure.format(f.baseline()) : "-")
          .append(" | ")
          .append(f.hasBaseline() ? "**" + Figure.format(f.ratio()) + "**" : "-")
          .append(" | ")
          .append(f.higherIsBetter() ? "higher" : "lower")
          .append(" | ")
          .append(f.target().text(f.unit()))
          .append(" | ")
          .append(
              f.target().kind() == Figure.Target.Kind.NONE
                  ? ""
                  : f.meetsTarget() ? "yes" : "**no**")
          .append(" |\n");
    }
    return out.toString();
  }

  /** Markdown-safe cell text: table pipes, emphasis and HTML characters escaped. */
  static String escape(String text) {
    return text.replaceAll("([\\\\|*_`\\[\\]<>])", "\\\\$1").replace("\n", " ");
  }
}
