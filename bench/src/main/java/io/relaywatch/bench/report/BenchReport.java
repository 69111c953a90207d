package io.relaywatch.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads every JSON result bench/run-all.sh left under {@code bench-out/} and writes {@code
 * results.md} (the machine, the steps, one table of figures with their ratios to the baselines of
 * the same run and the targets, the peers' agreement) and a PNG chart of the ratios. A missing
 * result is named in the file, not an error: run-all may skip a step.
 *
 * <p>Usage: {@code BenchReport [--dir bench-out] [--out bench-out/results.md] [--chart
 * docs/benchmarks/ratios.png] [--command "bench/run-all.sh"]}
 */
public final class BenchReport {
  static final int CHART_WIDTH = 1000;
  static final int CHART_HEIGHT = 520;

  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    Path dir = Path.of(options.getOrDefault("--dir", "bench-out"));
    Path out = Path.of(options.getOrDefault("--out", dir.resolve("results.md").toString()));
    Path chart = Path.of(options.getOrDefault("--chart", "docs/benchmarks/ratios.png"));
    Results results = Results.read(dir);
    RatioChart.writePng(results.figures(), chart, CHART_WIDTH, CHART_HEIGHT);
    String link = out.toAbsolutePath().getParent().relativize(chart.toAbsolutePath()).toString();
    String markdown =
        render(
            results,
            Machine.current(),
            options.getOrDefault("--command", "bench/run-all.sh"),
            steps(dir.resolve("run-all-steps.txt")),
            link);
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.print(markdown);
  }

  /** The figures, agreement lines and notes on what is missing, from one bench-out directory. */
  record Results(List<Figure> figures, List<String> agreement, List<String> missing) {
    static Results read(Path dir) throws IOException {
      List<Figure> figures = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      add(dir, "report-vs-peers.json", ResultFiles::reportVsPeers, figures, missing);
      add(dir, "ship-vs-kcat.json", ResultFiles::shipVsKcat, figures, missing);
      add(dir, "streams-throughput.json", ResultFiles::streams, figures, missing);
      add(dir, "streaming-latency.json", ResultFiles::latency, figures, missing);
      List<String> agreement = new ArrayList<>();
      add(dir, "peer-agreement.json", ResultFiles::agreement, agreement, missing);
      return new Results(figures, agreement, missing);
    }

    private static <T> void add(
        Path dir,
        String file,
        Function<JsonNode, List<T>> reader,
        List<T> into,
        List<String> missing)
        throws IOException {
      Path path = dir.resolve(file);
      if (Files.isRegularFile(path)) {
        into.addAll(reader.apply(Json.mapper().readTree(path.toFile())));
      } else {
        missing.add(file);
      }
    }
  }

  static String render(
      Results results, Machine machine, String command, List<String> steps, String chartLink) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n");
    md.append("Command: `").append(command).append("`. Machine: ").append(machine.describe());
    md.append("\n\n");
    if (!steps.isEmpty()) {
      md.append("| step | exit | seconds | load average after (1, 5, 15 min) |\n");
      md.append("| --- | ---: | ---: | --- |\n");
      steps.forEach(step -> md.append(step).append('\n'));
      md.append('\n');
    }
    md.append(ResultsTable.markdown(results.figures())).append('\n');
    if (!results.agreement().isEmpty()) {
      md.append("Agreement on the top relay-denial client IPs (same file, same run):\n\n");
      results.agreement().forEach(l -> md.append("- ").append(ResultsTable.escape(l)).append('\n'));
      md.append('\n');
    }
    if (!results.missing().isEmpty()) {
      md.append("Not in this run: ").append(String.join(", ", results.missing())).append(".\n\n");
    }
    md.append("![ratios to the baselines of the same run](").append(chartLink).append(")\n");
    return md.toString();
  }

  /**
   * run-all.sh's steps file, {@code name exit seconds load1 load5 load15}, as table rows, and a
   * last row with the seconds of all steps.
   */
  static List<String> steps(Path file) throws IOException {
    List<String> rows = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return rows;
    }
    long total = 0;
    for (String line : Files.readAllLines(file)) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 6 && f[2].matches("\\d+")) {
        total += Long.parseLong(f[2]);
        rows.add(
            String.format(
                "| %s | %s | %s | %s %s %s |",
                ResultsTable.escape(f[0]), f[1], f[2], f[3], f[4], f[5]));
      }
    }
    if (!rows.isEmpty()) {
      rows.add("| all steps | | " + total + " | |");
    }
    return rows;
  }
}
