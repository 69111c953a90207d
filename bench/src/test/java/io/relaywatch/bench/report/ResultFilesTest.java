package io.relaywatch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultFilesTest {
  static final String REPORT_VS_PEERS =
      """
      {"lines": 1000000, "runs": 1, "tools": [
        {"tool": "relaywatch", "lines": 1000000, "wallSeconds": 1.4, "cpuSeconds": 2.5,
         "linesPerSecond": 714286, "peakRssMb": 187, "exit": 0},
        {"tool": "pflogsumm", "lines": 1000000, "wallSeconds": 6.5, "cpuSeconds": 6.5,
         "linesPerSecond": 153846, "peakRssMb": 127, "exit": 0},
        {"tool": "fail2ban", "lines": 1000000, "wallSeconds": 11.6, "cpuSeconds": 11.6,
         "linesPerSecond": 86207, "peakRssMb": 143, "exit": 0}]}
      """;

  @Test
  void shouldDivideRelaywatchByEachPeerWithTheIssueTargets() throws Exception {
    List<Figure> figures = ResultFiles.reportVsPeers(json(REPORT_VS_PEERS));

    Figure pflogsumm = figures.get(0);
    assertThat(pflogsumm.baselineName()).isEqualTo("pflogsumm");
    assertThat(pflogsumm.ratio()).isCloseTo(4.643, within(0.001));
    assertThat(pflogsumm.meetsTarget()).isFalse(); // target 5
    Figure fail2ban = figures.get(1);
    assertThat(fail2ban.ratio()).isCloseTo(8.286, within(0.001));
    assertThat(fail2ban.target()).isEqualTo(Figure.Target.ratioAtLeast(20));
    assertThat(figures.get(2).ratio()).isCloseTo(187.0 / 127, within(1e-9));
    assertThat(figures).hasSize(4);
  }

  @Test
  void shouldSetTheRejectLinesFloorAgainstTheWholeFileBudgetOfTwentyTimesFail2ban()
      throws Exception {
    List<Figure> figures =
        ResultFiles.reportVsPeers(
            json(
                """
                {"lines": 1000000, "tools": [
                  {"tool": "relaywatch", "linesPerSecond": 800000, "peakRssMb": 1},
                  {"tool": "relaywatch-rejects", "lines": 115886, "wallSeconds": 0.86},
                  {"tool": "fail2ban", "linesPerSecond": 80000, "peakRssMb": 2}]}
                """));

    Figure floor = figures.get(figures.size() - 1);
    assertThat(floor.value()).isEqualTo(0.86);
    assertThat(floor.baseline()).isCloseTo(0.625, within(1e-9)); // 1,000,000 / (20 * 80,000)
    assertThat(floor.higherIsBetter()).isFalse();
  }

  @Test
  void shouldLeaveOutPeersThatDidNotRun() throws Exception {
    List<Figure> figures =
        ResultFiles.reportVsPeers(
            json(
                """
                {"tools": [{"tool": "relaywatch", "linesPerSecond": 10, "peakRssMb": 1},
                           {"tool": "pflogsumm", "linesPerSecond": 5, "peakRssMb": 2}]}
                """));

    assertThat(figures).extracting(Figure::baselineName).containsExactly("pflogsumm", "pflogsumm");
  }

  @Test
  void shouldCompareTheShipperWithKcatAndItsMemoryWithTheBudget() throws Exception {
    List<Figure> figures =
        ResultFiles.shipVsKcat(
            json(
                """
                {"lines": 1000000, "rounds": 3, "partitions": 3, "kcatLinesPerSecond": 400000,
                 "shipBacklogLinesPerSecond": 360000, "shipColdLinesPerSecond": 200000,
                 "shipBacklogRatio": 0.85, "shipColdRatio": 0.5, "shipPeakRssMb": 300}
                """));

    // The script's median of per-round ratios, not 360,000 / 400,000.
    assertThat(figures.get(0).ratio()).isCloseTo(0.85, within(1e-9));
    assertThat(figures.get(0).meetsTarget()).isTrue();
    assertThat(figures.get(1).meetsTarget()).isFalse();
    assertThat(figures.get(2).hasBaseline()).isFalse();
    assertThat(figures.get(2).meetsTarget()).isFalse(); // 300 MB > 256 MB
    assertThat(figures).as("no ceiling measured").hasSize(3);
  }

  @Test
  void shouldSetTheProducerCeilingBesideKcatWithItsPairedRatio() throws Exception {
    List<Figure> figures =
        ResultFiles.shipVsKcat(
            json(
                """
                {"rounds": 3, "kcatLinesPerSecond": 1000000, "shipBacklogLinesPerSecond": 450000,
                 "shipColdLinesPerSecond": 220000, "shipBacklogRatio": 0.45, "shipColdRatio": 0.22,
                 "ceilingLinesPerSecond": 600000, "ceilingRatio": 0.58, "shipPeakRssMb": 200}
                """));

    Figure ceiling = figures.get(3);
    assertThat(ceiling.baselineName()).isEqualTo("kcat -P");
    assertThat(ceiling.ratio()).isCloseTo(0.58, within(1e-9));
  }

  @Test
  void shouldDivideTheFullTopologyByThePassThrough() throws Exception {
    Figure streams =
        ResultFiles.streams(json("{\"linesPerSecond\": 18000, \"baselineLinesPerSecond\": 60000}"))
            .get(0);

    assertThat(streams.ratio()).isCloseTo(0.3, within(1e-9));
    assertThat(streams.meetsTarget()).isFalse(); // 100,000 lines/s
  }

  @Test
  void shouldReadTheLatencyPercentilesAgainstTheirBaselines() throws Exception {
    List<Figure> figures =
        ResultFiles.latency(
            json(
                """
                {"p50Ms": 400, "p99Ms": 1200, "baselineP50Ms": 100, "baselineP99Ms": 300,
                 "probes": 200, "backgroundLinesPerSecond": 5000}
                """));

    assertThat(figures).extracting(Figure::ratio).containsExactly(4.0, 4.0);
    assertThat(figures.get(0).name()).contains("5,000 lines/s background, 200 probes");
    assertThat(figures.get(0).higherIsBetter()).isFalse();
  }

  @Test
  void shouldTakeTheAgreementLinesAsPrinted() throws Exception {
    List<String> lines =
        ResultFiles.agreement(
            json("{\"peers\": [{\"line\": \"pflogsumm: top-10 agree: 10/10\"}], \"agree\": true}"));

    assertThat(lines).containsExactly("pflogsumm: top-10 agree: 10/10");
  }

  static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }
}
