package io.relaywatch.bench.latency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run as a markdown table (for people and the docs) and as a small JSON object (for charts).
 */
final class LatencyReport {
  private LatencyReport() {}

  static String markdown(LatencyFigures figures, RunFacts facts) {
    StringBuilder md = new StringBuilder();
    md.append("### Streaming latency, run of ").append(facts.startedAt()).append("\n\n");
    md.append(
        "| from the crossing line written to ... | probes | p50 ms | p90 ms | p99 ms | max ms |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    row(md, "its alert at the webhook (what a pager sees)", figures.webhook());
    row(md, "its alert on `relaywatch.alerts`", figures.alertTopic());
    row(md, "the aggregate counting the burst on `relaywatch.relay-denials`", figures.aggregate());
    row(md, "baseline: the line in `relaywatch.raw-lines` (read_committed)", figures.baseline());
    md.append(
        String.format(
            Locale.ROOT,
            "%n| ratio alert / baseline | | p50 **%s** | | p99 **%s** | |%n%n",
            fixed(figures.ratio(50), 1),
            fixed(figures.ratio(99), 1)));
    md.append(
        String.format(
            Locale.ROOT,
            "- probes: %d written, %d alerted at the webhook, %d missed; alerts no probe explains:"
                + " %d%n",
            figures.sent(),
            figures.webhook().count(),
            figures.missed(),
            facts.strangerAlerts().size()));
    md.append(
        String.format(
            Locale.ROOT,
            "- background: target %,d lines/s, %.0f s of warm-up then %.0f s of probes; written %,.0f lines/s (%,d lines in %.1f"
                + " s); delivered to raw-lines while writing %,.0f lines/s; %,d of %,d lines"
                + " delivered in the end%n",
            facts.targetRate(),
            facts.warmUp().seconds(),
            facts.durationSeconds(),
            facts.writtenPerSecond(),
            facts.linesWritten(),
            facts.writeSeconds(),
            facts.deliveredPerSecond(),
            facts.linesDelivered(),
            facts.linesWritten()));
    md.append(
        String.format(
            Locale.ROOT,
            "- Streams consumer group behind (records, every topic it reads): %,d when the probes"
                + " started, at most %,d during them%n",
            facts.warmUp().lagAtStart(),
            facts.warmUp().maxLag()));
    md.append("- load average: before ")
        .append(facts.loadBefore())
        .append(", after (1/5/15 min) ")
        .append(facts.loadAfter())
        .append('\n');
    md.append("- pipeline JVM: `").append(String.join(" ", facts.javaOptions())).append("`\n");
    md.append("- settings:");
    facts.settings().forEach((k, v) -> md.append(" `").append(k).append('=').append(v).append('`'));
    md.append('\n');
    return md.toString();
  }

  /** One line per probe, in order, to see a trend (a lag that grows) or an outlier. */
  static String perProbe(List<ProbeLog.Probe> probes) {
    StringBuilder out =
        new StringBuilder("probe: raw-lines / aggregate / alerts topic / webhook ms");
    for (ProbeLog.Probe p : probes) {
      out.append(String.format(Locale.ROOT, "%n  %3d:", p.burst.number()));
      for (long at : new long[] {p.rawVisible, p.aggregate, p.alertTopic, p.webhook}) {
        out.append(
            p.written == 0 || at == 0
                ? "        -"
                : String.format(Locale.ROOT, " %8.0f", (at - p.written) / 1e6));
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder md, String what, Percentiles p) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %s | %s | %s | %s |%n",
            what,
            p.count(),
            fixed(p.at(50), 0),
            fixed(p.at(90), 0),
            fixed(p.at(99), 0),
            fixed(p.max(), 0)));
  }

  private static String fixed(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  static String json(LatencyFigures figures, RunFacts facts) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("p50Ms", round(figures.webhook().at(50)));
    out.put("p99Ms", round(figures.webhook().at(99)));
    out.put("baselineP50Ms", round(figures.baseline().at(50)));
    out.put("baselineP99Ms", round(figures.baseline().at(99)));
    out.put("probes", figures.webhook().count());
    out.put("backgroundLinesPerSecond", Math.round(facts.writtenPerSecond()));
    out.put("p90Ms", round(figures.webhook().at(90)));
    out.put("maxMs", round(figures.webhook().max()));
    out.put("ratioP50", round(figures.ratio(50)));
    out.put("ratioP99", round(figures.ratio(99)));
    out.put("aggregateP50Ms", round(figures.aggregate().at(50)));
    out.put("aggregateP99Ms", round(figures.aggregate().at(99)));
    out.put("alertTopicP50Ms", round(figures.alertTopic().at(50)));
    out.put("alertTopicP99Ms", round(figures.alertTopic().at(99)));
    out.put("missedProbes", figures.missed());
    out.put("deliveredLinesPerSecond", Math.round(facts.deliveredPerSecond()));
    out.put("loadAverageAfter", facts.loadAfter());
    out.put("warmUpSeconds", round(facts.warmUp().seconds()));
    out.put("streamsMaxLagRecords", facts.warmUp().maxLag());
    out.put("startedAt", facts.startedAt());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out)
          + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Two decimals; null for a figure that could not be computed (JSON has no NaN). */
  static Double round(double value) {
    return Double.isNaN(value) ? null : Math.round(value * 100) / 100.0;
  }
}
