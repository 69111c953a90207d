package io.relaywatch.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.bench.report.Figure.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the JSON each benchmark script writes under {@code bench-out/} into {@link Figure}s. The
 * targets are the issues' (issue 2: report 5x pflogsumm and 20x fail2ban-regex; issue 3: shipper
 * 0.8x kcat and 256 MB; the Streams section: 100,000 lines/s).
 */
final class ResultFiles {
  private ResultFiles() {}

  /** {@code report-vs-peers.json}: relaywatch against each peer, lines/s and peak RSS. */
  static List<Figure> reportVsPeers(JsonNode json) {
    JsonNode ours = tool(json, "relaywatch");
    List<Figure> figures = new ArrayList<>();
    if (ours == null) {
      return figures;
    }
    for (String peer : List.of("pflogsumm", "fail2ban")) {
      JsonNode theirs = tool(json, peer);
      if (theirs == null) {
        continue;
      }
      String name = peer.equals("fail2ban") ? "fail2ban-regex" : peer;
      figures.add(
          new Figure(
              "relaywatch report, lines/s, against " + name,
              ours.path("linesPerSecond").asDouble(),
              "lines/s",
              name,
              theirs.path("linesPerSecond").asDouble(),
              true,
              Target.ratioAtLeast(peer.equals("pflogsumm") ? 5 : 20)));
    }
    for (String peer : List.of("pflogsumm", "fail2ban")) {
      JsonNode theirs = tool(json, peer);
      if (theirs != null) {
        String name = peer.equals("fail2ban") ? "fail2ban-regex" : peer;
        figures.add(
            new Figure(
                "relaywatch report, peak RSS, against " + name,
                ours.path("peakRssMb").asDouble(),
                "MB",
                name,
                theirs.path("peakRssMb").asDouble(),
                false,
                Target.NONE));
      }
    }
    JsonNode rejects = tool(json, "relaywatch-rejects");
    JsonNode fail2ban = tool(json, "fail2ban");
    if (rejects != null && fail2ban != null && fail2ban.path("linesPerSecond").asDouble() > 0) {
      figures.add(
          new Figure(
              "relaywatch report, reject lines only (a floor), s",
              rejects.path("wallSeconds").asDouble(),
              "s",
              "20x fail2ban-regex budget",
              json.path("lines").asDouble() / (20 * fail2ban.path("linesPerSecond").asDouble()),
              false,
              Target.NONE));
    }
    return figures;
  }

  /**
   * {@code ship-vs-kcat.json}: the shipper against kcat -P, medians over rounds. The ratio is the
   * script's: taken within each round, then the median, so a burst of load in one round does not
   * pair one tool's good round with the other's bad one.
   */
  static List<Figure> shipVsKcat(JsonNode json) {
    double kcat = json.path("kcatLinesPerSecond").asDouble();
    String rounds = String.format(" (%d rounds, medians)", json.path("rounds").asInt());
    List<Figure> figures = new ArrayList<>(shipperFigures(json, kcat, rounds));
    if (json.has("ceilingLinesPerSecond")) {
      figures.add(
          new Figure(
                  "Java producer alone, the shipper's ceiling, lines/s" + rounds,
                  json.path("ceilingLinesPerSecond").asDouble(),
                  "lines/s",
                  "kcat -P",
                  kcat,
                  true,
                  Target.NONE)
              .withPairedRatio(json.path("ceilingRatio").asDouble(Double.NaN)));
    }
    return figures;
  }

  private static List<Figure> shipperFigures(JsonNode json, double kcat, String rounds) {
    return List.of(
        new Figure(
                "relaywatch ship (backlog), lines/s" + rounds,
                json.path("shipBacklogLinesPerSecond").asDouble(),
                "lines/s",
                "kcat -P",
                kcat,
                true,
                Target.ratioAtLeast(0.8))
            .withPairedRatio(json.path("shipBacklogRatio").asDouble(Double.NaN)),
        new Figure(
                "relaywatch ship (cold start), lines/s" + rounds,
                json.path("shipColdLinesPerSecond").asDouble(),
                "lines/s",
                "kcat -P",
                kcat,
                true,
                Target.ratioAtLeast(0.8))
            .withPairedRatio(json.path("shipColdRatio").asDouble(Double.NaN)),
        Figure.absolute(
            "relaywatch ship, peak RSS",
            json.path("shipPeakRssMb").asDouble(),
            "MB",
            false,
            Target.valueAtMost(256)));
  }

  /** {@code streams-throughput.json}: the full topology against the pass-through. */
  static List<Figure> streams(JsonNode json) {
    return List.of(
        new Figure(
            "Streams full topology, lines/s",
            json.path("linesPerSecond").asDouble(),
            "lines/s",
            "pass-through topology",
            json.path("baselineLinesPerSecond").asDouble(),
            true,
            Target.valueAtLeast(100_000)));
  }

  /** {@code streaming-latency.json}: line written to alert, against the baseline's latency. */
  static List<Figure> latency(JsonNode json) {
    String background =
        String.format(
            " (%,.0f lines/s background, %d probes)",
            json.path("backgroundLinesPerSecond").asDouble(), json.path("probes").asInt());
    return List.of(
        new Figure(
            "line to alert, p50 ms" + background,
            json.path("p50Ms").asDouble(),
            "ms",
            "line to relaywatch.raw-lines",
            json.path("baselineP50Ms").asDouble(),
            false,
            Target.NONE),
        new Figure(
            "line to alert, p99 ms" + background,
            json.path("p99Ms").asDouble(),
            "ms",
            "line to relaywatch.raw-lines",
            json.path("baselineP99Ms").asDouble(),
            false,
            Target.NONE));
  }

  /** The agreement lines of {@code peer-agreement.json}, as PeerAgreement printed them. */
  static List<String> agreement(JsonNode json) {
    List<String> lines = new ArrayList<>();
    for (JsonNode peer : json.path("peers")) {
      lines.add(peer.path("line").asText());
    }
    return lines;
  }

  private static JsonNode tool(JsonNode json, String name) {
    for (JsonNode tool : json.path("tools")) {
      if (tool.path("tool").asText().equals(name)) {
        return tool;
      }
    }
    return null;
  }
}
