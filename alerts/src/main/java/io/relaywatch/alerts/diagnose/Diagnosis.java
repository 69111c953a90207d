package io.relaywatch.alerts.diagnose;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.DomainEvidence;
import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.HostEvidence;
import io.relaywatch.alerts.engine.VerdictEngine;
import io.relaywatch.events.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * What a mail log says, as evidence for the verdict engine: one {@link ClientEvidence} per client
 * in trouble, one {@link HostEvidence} per host with SASL backend errors, one {@link
 * DomainEvidence} per recipient domain refused relay. Made by {@link LogEvidence}.
 *
 * @param clients clients refused relay or failing AUTH, most refused first
 * @param hosts mail hosts that could not reach their SASL backend
 * @param domains recipient domains of relay denials, most refused first
 * @param lines what the log held
 * @param coverage what did not fit in memory
 */
public record Diagnosis(
    List<ClientEvidence> clients,
    List<HostEvidence> hosts,
    List<DomainEvidence> domains,
    Lines lines,
    Coverage coverage) {
  public Diagnosis {
    clients = List.copyOf(clients);
    hosts = List.copyOf(hosts);
    domains = List.copyOf(domains);
  }

  /**
   * The lines read.
   *
   * @param total every line
   * @param events lines recognised as events
   * @param unparsed lines that looked relevant but were not recognised
   */
  public record Lines(long total, long events, long unparsed) {}

  /**
   * What the bounds of {@link DiagnoseLimits} left out. Findings about what remains are sound, but
   * counts may be low and a dropped subject has no finding.
   *
   * @param droppedClients client IPs dropped from a full table
   * @param droppedClientEvents their relay denials and SASL failure lines
   * @param droppedDomains recipient domains dropped from a full table
   * @param droppedDomainEvents their relay denials
   * @param droppedHosts mail hosts dropped
   * @param sessionsClosedEarly smtpd sessions closed before their end because too many were open
   * @param distinctCountsCapped whether some distinct counts (recipient domains of a client,
   *     clients of a domain) are lower bounds
   */
  public record Coverage(
      long droppedClients,
      long droppedClientEvents,
      long droppedDomains,
      long droppedDomainEvents,
      long droppedHosts,
      long sessionsClosedEarly,
      boolean distinctCountsCapped) {
    /** Whether everything in the log was kept. */
    public boolean complete() {
      return droppedClients == 0
          && droppedDomains == 0
          && droppedHosts == 0
          && sessionsClosedEarly == 0
          && !distinctCountsCapped;
    }

    /** One sentence for a person, or an empty string when nothing was left out. */
    public String describe() {
      if (complete()) {
        return "";
      }
      List<String> parts = new ArrayList<>();
      if (droppedClients > 0) {
        parts.add(droppedClients + " clients (" + droppedClientEvents + " events) dropped");
      }
      if (droppedDomains > 0) {
        parts.add(
            droppedDomains + " recipient domains (" + droppedDomainEvents + " denials) dropped");
      }
      if (droppedHosts > 0) {
        parts.add(droppedHosts + " mail hosts dropped");
      }
      if (sessionsClosedEarly > 0) {
        parts.add(sessionsClosedEarly + " sessions closed early");
      }
      String capped =
          "some counts of distinct recipient domains (of a client) or clients (of a domain) are"
              + " lower bounds";
      if (parts.isEmpty()) {
        return capped;
      }
      if (distinctCountsCapped) {
        parts.add(capped);
      }
      return "partial diagnosis, the log exceeded the memory bounds: " + String.join("; ", parts);
    }
  }

  /** All evidence: hosts first (their faults hit every client), then clients, then domains. */
  public List<Evidence> evidence() {
    List<Evidence> all = new ArrayList<>(hosts.size() + clients.size() + domains.size());
    all.addAll(hosts);
    all.addAll(clients);
    all.addAll(domains);
    return all;
  }

  /** The engine's findings over all evidence, {@link VerdictEngine#MOST_SEVERE_FIRST}. */
  public List<Finding> findings(VerdictEngine engine) {
    return engine.evaluateAll(evidence());
  }
}
