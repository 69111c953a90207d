package io.relaywatch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

  @Test
  void shouldReadWhatIsThereAndNameWhatIsMissing(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("report-vs-peers.json"), ResultFilesTest.REPORT_VS_PEERS);
    Files.writeString(
        dir.resolve("streams-throughput.json"),
        "{\"linesPerSecond\": 18000, \"baselineLinesPerSecond\": 60000}");
    Files.writeString(
        dir.resolve("run-all-steps.txt"),
        "report-vs-peers 0 95 1.50 1.20 1.00\nstreaming-latency skipped 0 1.5 1.2 1.0\n");

    BenchReport.Results results = BenchReport.Results.read(dir);
    String md =
        BenchReport.render(
            results,
            new Machine(2, "AMD EPYC", 24_000, "JDK 17", "1.00 2.00 3.00"),
            "LINES=200000 bench/run-all.sh",
            BenchReport.steps(dir.resolve("run-all-steps.txt")),
            "../docs/benchmarks/ratios.png");

    assertThat(results.figures()).hasSize(5);
    assertThat(results.missing())
        .containsExactly("ship-vs-kcat.json", "streaming-latency.json", "peer-agreement.json");
    assertThat(md)
        .contains("Command: `LINES=200000 bench/run-all.sh`. Machine: 2 cores (AMD EPYC)")
        .contains("| report-vs-peers | 0 | 95 | 1.50 1.20 1.00 |")
        .contains("| all steps | | 95 | |")
        .contains(
            "| Streams full topology, lines/s | 18,000 lines/s | pass-through topology:"
                + " 60,000 | **0.30** |")
        .contains(
            "Not in this run: ship-vs-kcat.json, streaming-latency.json, peer-agreement.json.")
        .endsWith("![ratios to the baselines of the same run](../docs/benchmarks/ratios.png)\n");
  }

  @Test
  void shouldSkipMalformedStepLines(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("steps.txt"), "half a line\n");

    assertThat(BenchReport.steps(dir.resolve("steps.txt"))).isEqualTo(List.of());
  }
}
