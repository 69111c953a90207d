package io.relaywatch.alerts.audit;

import io.relaywatch.events.Finding;
import java.util.List;

/** One static check of a Postfix configuration; at most one finding per verdict. */
interface AuditCheck {
  /**
   * The findings; what could not be checked, and why, goes to {@code notes} (fixed text and
   * validated values only).
   */
  List<Finding> run(AuditInput in, List<String> notes);
}
