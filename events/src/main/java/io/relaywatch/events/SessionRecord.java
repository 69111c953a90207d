package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One SMTP session of one Postfix smtpd process, joined from its lines (SASL events, rejects and
 * the disconnect summary): the value of {@code relaywatch.sessions}. Field meanings are in
 * docs/events.md.
 *
 * @param rejects refused commands by reject reason (dry-run {@code reject_warning} not counted)
 * @param commands the disconnect counters; null unless {@code closedBy} is {@code disconnect}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "host",
  "program",
  "pid",
  "service",
  "clientIp",
  "clientHost",
  "start",
  "end",
  "closedBy",
  "authOutcome",
  "authenticated",
  "saslUsername",
  "authAttempts",
  "authFailures",
  "failedUsernames",
  "rejects",
  "relayDenied",
  "commands"
})
public record SessionRecord(
    String host,
    String program,
    Integer pid,
    String service,
    String clientIp,
    String clientHost,
    OffsetDateTime start,
    OffsetDateTime end,
    SessionClose closedBy,
    AuthOutcome authOutcome,
    String saslUsername,
    int authAttempts,
    int authFailures,
    List<String> failedUsernames,
    Map<RejectReason, Integer> rejects,
    boolean relayDenied,
    Map<String, CommandCount> commands) {

  public SessionRecord {
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(closedBy, "closedBy");
    Objects.requireNonNull(authOutcome, "authOutcome");
    if (authFailures < 0 || authAttempts < authFailures) {
      throw new IllegalArgumentException(
          "auth failures " + authFailures + " of " + authAttempts + " attempts");
    }
    failedUsernames = failedUsernames == null ? List.of() : List.copyOf(failedUsernames);
    // Sorted by reason so that equal sessions serialise to equal bytes.
    rejects = rejects == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(rejects));
    commands = commands == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(commands));
  }

  /** Whether an AUTH succeeded in this session; the same as {@code authOutcome == succeeded}. */
  @JsonProperty("authenticated")
  public boolean authenticated() {
    return authOutcome == AuthOutcome.SUCCEEDED;
  }

  /** All refused commands of the session, whatever their reason. */
  @JsonIgnore
  public int rejectCount() {
    return rejects.values().stream().mapToInt(Integer::intValue).sum();
  }
}
