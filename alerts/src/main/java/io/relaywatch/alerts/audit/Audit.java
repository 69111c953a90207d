package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.engine.VerdictEngine;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code relaywatch audit}: static checks of a Postfix configuration, each the seed of a verdict
 * the log would show later. The checks and their verdicts, in order: {@code mynetworks_too_wide},
 * {@code relay_restrictions_not_closed}, {@code sasl_not_permitted_for_relay}, {@code
 * sasl_backend_unavailable} (with {@code --live}), {@code tls_auth_not_required}, {@code
 * submission_not_encrypted}. Findings are about the audited host and carry the same {@code Fix}
 * format as the verdict engine's; see docs/alerts.md, "relaywatch audit".
 */
public final class Audit {
  /** Verdicts only the audit gives; the log-driven rule catalogue has no rule for them. */
  public static final Set<Verdict> CONFIGURATION_VERDICTS =
      EnumSet.of(
          Verdict.MYNETWORKS_TOO_WIDE,
          Verdict.RELAY_RESTRICTIONS_NOT_CLOSED,
          Verdict.TLS_AUTH_NOT_REQUIRED,
          Verdict.SUBMISSION_NOT_ENCRYPTED);

  private static final List<AuditCheck> CHECKS =
      List.of(new MynetworksCheck(), new RelayCheck(), new SaslSocketCheck(), new TlsCheck());

  private Audit() {}

  /** What the audit found, most severe first, and what it could not check. */
  public record Report(List<Finding> findings, List<String> notes) {
    public Report {
      findings = List.copyOf(findings);
      notes = List.copyOf(notes);
    }
  }

  public static Report run(AuditInput input) {
    List<Finding> findings = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    for (AuditCheck check : CHECKS) {
      List<String> checkNotes = new ArrayList<>();
      findings.addAll(check.run(input, checkNotes));
      notes.addAll(checkNotes);
    }
    if (!input.main().explicit().malformed().isEmpty()) {
      notes.add(
          input.main().explicit().malformed().size()
              + " lines of the postconf input are not 'name = value' and were skipped");
    }
    findings.sort(VerdictEngine.MOST_SEVERE_FIRST);
    return new Report(findings, new ArrayList<>(notes));
  }
}
