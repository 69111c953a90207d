package io.relaywatch.alerts.engine;

import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import java.util.ArrayList;
import java.util.List;

/** The texts of a finding a person pastes or reads, for assertions. */
final class FixText {
  private FixText() {}

  /** Every command and config line: fix parts and diagnostics. */
  static List<String> commands(Finding finding) {
    List<String> all = new ArrayList<>(finding.diagnostics());
    Fix fix = finding.fix();
    if (fix.postfix() != null) {
      all.addAll(fix.postfix());
    }
    if (fix.exim() != null) {
      all.addAll(fix.exim());
    }
    if (fix.dovecot() != null) {
      all.add(fix.dovecot());
    }
    if (fix.client() != null) {
      all.addAll(fix.client());
    }
    return all;
  }

  /** Commands, config lines, fix summary and summary in one text. */
  static String all(Finding finding) {
    return String.join("\n", commands(finding))
        + "\n"
        + finding.fix().summary()
        + "\n"
        + finding.summary();
  }
}
