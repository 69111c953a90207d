package io.relaywatch.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic relaywatch reads or writes: the one place their names and types are written down.
 * docs/events.md, the compose file and the Kubernetes manifests are checked against this list.
 */
public final class Topics {
  /** Where the shipper writes: one record per log line, bytes kept exactly as read. */
  public static final Topic<String, byte[]> RAW_LINES =
      new Topic<>(
          "relaywatch.raw-lines",
          Serdes.String(),
          Serdes.ByteArray(),
          "mail host name",
          "one log line, raw bytes as read (may be invalid UTF-8), no newline");

  /** Recognised events, keyed so that everything about one client lands on one partition. */
  public static final Topic<String, MailEvent> EVENTS =
      new Topic<>(
          "relaywatch.events",
          Serdes.String(),
          new JsonSerde<>(MailEvent.class),
          "client IP, or the mail host for events without one",
          "MailEvent (JSON)");

  /** Lines that looked relevant but matched no pattern, kept so that gaps are visible. */
  public static final Topic<String, UnparsedLine> UNPARSED =
      new Topic<>(
          "relaywatch.unparsed",
          Serdes.String(),
          new JsonSerde<>(UnparsedLine.class),
          "mail host name",
          "UnparsedLine (JSON): reason and raw line");

  /**
   * Relay denials per client IP and time window, one record per denial carrying the window's
   * updated totals. Keyed by the client IP alone, like {@link #EVENTS}, so that every window of one
   * client lands on one partition and consumers need no windowed serde; the window is in the value.
   */
  public static final Topic<String, RelayDenialAggregate> RELAY_DENIALS =
      new Topic<>(
          "relaywatch.relay-denials",
          Serdes.String(),
          new JsonSerde<>(RelayDenialAggregate.class),
          "client IP; the window is in the value",
          "RelayDenialAggregate (JSON): the window's totals after each denial");

  /**
   * One record per SMTP session of a Postfix smtpd process (AUTH outcome, rejects by reason,
   * command counters), so that "never tried AUTH", "AUTH failed" and "authenticated but still
   * denied" are explicit.
   */
  public static final Topic<String, SessionRecord> SESSIONS =
      new Topic<>(
          "relaywatch.sessions",
          Serdes.String(),
          new JsonSerde<>(SessionRecord.class),
          "client IP",
          "SessionRecord (JSON): one SMTP session joined from its lines");

  /**
   * One record per message through a Postfix queue (client, authenticated or not, sender, recipient
   * domains, outcome), keyed by the submitting client like {@link #EVENTS}: what shows a server
   * that relays for strangers.
   */
  public static final Topic<String, MessageRecord> MESSAGES =
      new Topic<>(
          "relaywatch.messages",
          Serdes.String(),
          new JsonSerde<>(MessageRecord.class),
          "client IP, or the mail host when the client is unknown",
          "MessageRecord (JSON): one queued message joined from its lines by (host, queue id)");

  /**
   * SASL backend failures (Dovecot auth socket, saslauthd unreachable, no mechanisms): a fault of
   * the mail host, not of a client, so keyed by host; every AUTH on that host fails meanwhile.
   */
  public static final Topic<String, MailEvent> SASL_BACKEND_ERRORS =
      new Topic<>(
          "relaywatch.sasl-backend-errors",
          Serdes.String(),
          new JsonSerde<>(MailEvent.class),
          "mail host name",
          "MailEvent (JSON) of type sasl_backend_unavailable");

  /**
   * Where each shipper keeps its read positions, written in the same transaction as the lines they
   * cover, so that a restart resumes exactly after the last committed line (docs/shipper.md).
   */
  public static final Topic<String, ShipCheckpoint> SHIP_CHECKPOINTS =
      new Topic<>(
          "relaywatch.ship-checkpoints",
          Serdes.String(),
          new JsonSerde<>(ShipCheckpoint.class),
          "shipper id and source name",
          "ShipCheckpoint (JSON): the source's read positions after the last committed line",
          true);

  /**
   * The state of every alert (firing or resolved, with its finding and fix), so that a restarted
   * alert service carries on where it stopped and other tools can read what is firing. A firing
   * alert is written again at every re-send, so only keys resolved (or abandoned) for {@link
   * #ALERTS_FORGET_AFTER} are dropped: one key per prober address must not pile up for ever.
   */
  /** How long {@link #ALERTS} keeps a key that is not written again. */
  public static final Duration ALERTS_FORGET_AFTER = Duration.ofDays(7);

  public static final Topic<String, Alert> ALERTS =
      new Topic<>(
          "relaywatch.alerts",
          Serdes.String(),
          new JsonSerde<>(Alert.class),
          "verdict/subject, e.g. open_relay_probe/203.0.113.7",
          "Alert (JSON): lifecycle state and the latest finding with its fix",
          true,
          Topics.ALERTS_FORGET_AFTER);

  public static final List<Topic<?, ?>> ALL =
      List.of(
          RAW_LINES,
          EVENTS,
          UNPARSED,
          RELAY_DENIALS,
          SESSIONS,
          MESSAGES,
          SASL_BACKEND_ERRORS,
          ALERTS,
          SHIP_CHECKPOINTS);

  private Topics() {}

  public static Optional<Topic<?, ?>> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
