package io.relaywatch.alerts.engine;

import io.relaywatch.events.Mta;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Client evidence for tests, written the way a log would produce it. */
final class Clients {
  static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-28T09:00:00+01:00");

  private String ip;
  private long denials;
  private long recipientDomains;
  private List<String> domains = List.of();
  private long localSenders;
  private long foreignSenders;
  private Set<String> services = Set.of();
  private Set<Mta> mtas = Set.of(Mta.POSTFIX);
  private SessionStats sessions = SessionStats.NONE;
  private final List<String> lines = new ArrayList<>();

  static Clients client(String ip) {
    Clients c = new Clients();
    c.ip = ip;
    return c;
  }

  Clients denials(long n) {
    denials = n;
    return this;
  }

  Clients to(String... recipientDomains) {
    domains = List.of(recipientDomains);
    this.recipientDomains = recipientDomains.length;
    return this;
  }

  Clients localSenders(long n) {
    localSenders = n;
    return this;
  }

  Clients foreignSenders(long n) {
    foreignSenders = n;
    return this;
  }

  Clients on(String... services) {
    this.services = Set.of(services);
    return this;
  }

  Clients mtas(Mta... mtas) {
    this.mtas = Set.of(mtas);
    return this;
  }

  /** Sessions refused relay in which the client never sent AUTH. */
  Clients neverTriedAuth(long sessions) {
    this.sessions = new SessionStats(sessions, sessions, 0, 0, 0, 0, List.of());
    return this;
  }

  /** Sessions refused relay after their AUTH failed. */
  Clients failedAuth(long sessions, String... users) {
    this.sessions = new SessionStats(sessions, 0, sessions, 0, sessions, sessions, List.of(users));
    return this;
  }

  /** AUTH failures from sessions that were not refused relay. */
  Clients authFailures(long failures) {
    this.sessions = new SessionStats(failures, 0, 0, 0, failures, failures, List.of());
    return this;
  }

  /** Sessions refused relay although AUTH succeeded. */
  Clients authenticated(long sessions) {
    this.sessions = new SessionStats(sessions, 0, 0, sessions, sessions, 0, List.of());
    return this;
  }

  Clients line(String raw) {
    lines.add(raw);
    return this;
  }

  ClientEvidence build() {
    return new ClientEvidence(
        ip,
        denials,
        recipientDomains,
        domains,
        localSenders,
        foreignSenders,
        services,
        mtas,
        Set.of("mail"),
        sessions,
        T0,
        T0.plusMinutes(10),
        lines,
        MessageStats.NONE);
  }
}
