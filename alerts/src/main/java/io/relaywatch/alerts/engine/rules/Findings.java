package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Mta;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds findings the same way for every rule: subject, times and evidence from the evidence. */
final class Findings {
  private Findings() {}

  static Finding client(
      Verdict verdict,
      Severity severity,
      ClientFacts client,
      String summary,
      long count,
      List<String> diagnostics,
      Fix fix) {
    return of(
        verdict,
        severity,
        client.ip(),
        client.ip(),
        client.evidence(),
        summary,
        count,
        diagnostics,
        fix);
  }

  /** A finding about a host or domain: no client IP. */
  static Finding about(
      Verdict verdict,
      Severity severity,
      String subject,
      Evidence evidence,
      String summary,
      long count,
      List<String> diagnostics,
      Fix fix) {
    return of(verdict, severity, subject, null, evidence, summary, count, diagnostics, fix);
  }

  private static Finding of(
      Verdict verdict,
      Severity severity,
      String subject,
      String clientIp,
      Evidence evidence,
      String summary,
      long count,
      List<String> diagnostics,
      Fix fix) {
    List<String> lines = evidence.sampleLines();
    return new Finding(
        verdict,
        severity,
        subject,
        clientIp,
        summary,
        count,
        evidence.firstSeen(),
        evidence.lastSeen(),
        lines.size() > Finding.MAX_EVIDENCE ? lines.subList(0, Finding.MAX_EVIDENCE) : lines,
        diagnostics,
        fix);
  }

  /**
   * Which MTAs' fixes to give: those that logged the evidence, or the configured one when the log
   * did not say. Evidence only from Sendmail gets neither.
   */
  static MtaParts mtaParts(Set<Mta> logged, VerdictConfig config) {
    if (logged.isEmpty()) {
      return new MtaParts(config.mta() == Mta.POSTFIX, config.mta() == Mta.EXIM);
    }
    return new MtaParts(logged.contains(Mta.POSTFIX), logged.contains(Mta.EXIM));
  }

  /** Which MTA parts of a fix apply. */
  record MtaParts(boolean postfix, boolean exim) {
    <T> T postfix(T part) {
      return postfix ? part : null;
    }

    <T> T exim(T part) {
      return exim ? part : null;
    }

    /** The diagnostics of the MTAs that apply, then those for any MTA. */
    List<String> diagnostics(List<String> postfix, List<String> exim, List<String> any) {
      List<String> all = new ArrayList<>();
      if (this.postfix) {
        all.addAll(postfix);
      }
      if (this.exim) {
        all.addAll(exim);
      }
      all.addAll(any);
      return all;
    }
  }

  /** "1 denial" or "3 denials". */
  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
