package io.relaywatch.streams.topology;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.CommandCount;
import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A session still open in the {@code open-sessions-by-host} store: what its lines have said so far.
 * Kept in binary ({@link #writeTo}); older versions kept JSON, which is still read, so its fields
 * are also a format. It turns into a {@link SessionRecord} when the session closes.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
final class OpenSession {
  /** User names are attacker-chosen; a brute force must not grow one session without bound. */
  static final int MAX_FAILED_USERNAMES = 10;

  /** Orders sessions by their last line, the quietest first. */
  static final Comparator<OpenSession> QUIETEST_FIRST =
      Comparator.comparingLong(OpenSession::lastSeenMillis);

  private String host;
  private String program;
  private Integer pid;
  private String service;
  private String clientIp;
  private String clientHost;
  private OffsetDateTime start;
  private OffsetDateTime last;
  private long lastSeenMillis;
  private String saslUsername;
  private boolean loginSeen;
  private int failuresSeen;
  private List<String> failedUsernames = new ArrayList<>();
  private Map<RejectReason, Integer> rejects = new EnumMap<>(RejectReason.class);
  private boolean relayDenied;

  /** For the JSON reader. */
  private OpenSession() {}

  /** A session opened by its first recognised line (Postfix's connect line is not an event). */
  static OpenSession startedBy(MailEvent event, long recordTime) {
    OpenSession s = new OpenSession();
    s.host = event.host();
    s.program = event.program();
    s.pid = event.pid();
    s.service = event.service();
    s.clientIp = event.clientIp();
    s.start = event.timestamp();
    s.lastSeenMillis = recordTime;
    return s;
  }

  /** Whether {@code event} is about this session's client (pids are reused for new clients). */
  boolean sameClient(MailEvent event) {
    return Objects.equals(clientIp, event.clientIp());
  }

  long lastSeenMillis() {
    return lastSeenMillis;
  }

  String clientIp() {
    return clientIp;
  }

  /** Writes the session for the store ({@link StoreValueSerde}). */
  void writeTo(WireWriter out) {
    out.writeString(host).writeString(program).writeNullableInt(pid).writeString(service);
    out.writeString(clientIp).writeString(clientHost).writeTime(start).writeTime(last);
    out.writeLong(lastSeenMillis).writeString(saslUsername).writeByte(loginSeen ? 1 : 0);
    out.writeInt(failuresSeen).writeStrings(failedUsernames).writeInt(rejects.size());
    rejects.forEach((reason, count) -> out.writeEnum(reason).writeInt(count));
    out.writeByte(relayDenied ? 1 : 0);
  }

  /** Reads what {@link #writeTo} wrote. */
  static OpenSession readFrom(WireReader in) {
    OpenSession s = new OpenSession();
    s.host = in.readString();
    s.program = in.readString();
    s.pid = in.readNullableInt();
    s.service = in.readString();
    s.clientIp = in.readString();
    s.clientHost = in.readString();
    s.start = in.readTime();
    s.last = in.readTime();
    s.lastSeenMillis = in.readLong();
    s.saslUsername = in.readString();
    s.loginSeen = in.readByte() != 0;
    s.failuresSeen = in.readInt();
    s.failedUsernames = in.readStrings();
    int reasons = in.readInt();
    for (int i = 0; i < reasons; i++) {
      s.rejects.put(in.readEnum(RejectReason.class), in.readInt());
    }
    s.relayDenied = in.readByte() != 0;
    return s;
  }

  /** Folds one line of this session in. */
  void add(MailEvent event, long recordTime) {
    last = event.timestamp();
    lastSeenMillis = Math.max(lastSeenMillis, recordTime);
    if (event.clientHost() != null) {
      clientHost = event.clientHost();
    }
    if (event.type() == EventType.SASL_AUTH_FAILED) {
      failuresSeen++;
      noteFailedUsername(event.saslUsername());
    } else if (event.type() == EventType.SASL_LOGIN) {
      loginSeen = true;
      saslUsername = event.saslUsername();
    } else if (event.type() == EventType.REJECT) {
      addReject(event);
    }
  }

  private void addReject(MailEvent event) {
    if (event.saslUsername() != null) {
      // Postfix 3.10 names the authenticated user on rejects.
      loginSeen = true;
      saslUsername = event.saslUsername();
    }
    if (!event.isRefusal()) {
      return; // a dry run refused nothing
    }
    rejects.merge(event.reason() == null ? RejectReason.OTHER : event.reason(), 1, Integer::sum);
    relayDenied |= event.isRelayDenial();
  }

  private void noteFailedUsername(String name) {
    if (name != null
        && failedUsernames.size() < MAX_FAILED_USERNAMES
        && !failedUsernames.contains(name)) {
      failedUsernames.add(name);
    }
  }

  /**
   * The finished record. {@code commands} are the disconnect counters (null when the disconnect was
   * not seen); the counters and the lines are two witnesses of AUTH, and either may be missing a
   * part (Postfix logs no line for a successful AUTH whose mail is refused), so the larger evidence
   * wins.
   */
  SessionRecord close(SessionClose closedBy, Map<String, CommandCount> commands) {
    CommandCount auth = commands == null ? null : commands.get("auth");
    int counted = auth == null ? 0 : auth.total();
    boolean succeeded = loginSeen || (auth != null && auth.ok() > 0);
    int failures = Math.max(failuresSeen, auth == null ? 0 : auth.total() - auth.ok());
    int attempts = Math.max(counted, failures + (succeeded ? 1 : 0));
    AuthOutcome outcome =
        succeeded
            ? AuthOutcome.SUCCEEDED
            : attempts > 0 ? AuthOutcome.FAILED : AuthOutcome.NEVER_TRIED;
    return new SessionRecord(
        host,
        program,
        pid,
        service,
        clientIp,
        clientHost,
        start,
        last == null ? start : last,
        closedBy,
        outcome,
        saslUsername,
        attempts,
        failures,
        failedUsernames,
        rejects,
        relayDenied,
        commands);
  }
}
