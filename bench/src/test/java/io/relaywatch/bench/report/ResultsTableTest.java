package io.relaywatch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

  @Test
  void shouldPrintValueBaselineRatioAndTargetOnOneRow() {
    Figure figure =
        new Figure(
            "relaywatch report, lines/s, against pflogsumm",
            714_286,
            "lines/s",
            "pflogsumm",
            153_846,
            true,
            Figure.Target.ratioAtLeast(5));

    String table = ResultsTable.markdown(List.of(figure));

    assertThat(table.lines().toList().get(2))
        .isEqualTo(
            "| relaywatch report, lines/s, against pflogsumm | 714,286 lines/s | pflogsumm: 153,846"
                + " | **4.64** | higher | ratio >= 5 | **no** |");
  }

  @Test
  void shouldLeaveTheRatioEmptyForAnAbsoluteBudget() {
    Figure rss =
        Figure.absolute(
            "relaywatch ship, peak RSS", 120, "MB", false, Figure.Target.valueAtMost(256));

    assertThat(ResultsTable.markdown(List.of(rss)).lines().toList().get(2))
        .isEqualTo("| relaywatch ship, peak RSS | 120 MB | - | - | lower | <= 256 MB | yes |");
  }

  @Test
  void shouldEscapeMarkdownInNames() {
    assertThat(ResultsTable.escape("a|b *c* <d>")).isEqualTo("a\\|b \\*c\\* \\<d\\>");
  }
}
