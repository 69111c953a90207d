package io.relaywatch.alerts.diagnose;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@code --json} output of {@code relaywatch diagnose}: one pretty-printed JSON array of {@link
 * Finding}s, exactly as the alert service carries them (verdict, severity, subject, clientIp,
 * summary, count, firstSeen, lastSeen, evidence, diagnostics, fix {summary, postfix, exim, dovecot,
 * client}); absent parts are null, never left out. Jackson escapes log text for JSON.
 */
public final class FindingsJson {
  private FindingsJson() {}

  public static void print(List<Finding> findings, PrintWriter out) {
    try {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(findings));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }
}
