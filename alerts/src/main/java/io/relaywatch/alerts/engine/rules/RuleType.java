package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.rules.Thresholds.Kind;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The Java side of the catalogue: for each verdict, the class that decides it and the thresholds
 * that class reads. The catalogue may only set these thresholds, and must set them all.
 */
public enum RuleType {
  SERVER_IS_OPEN_RELAY(
      Verdict.SERVER_IS_OPEN_RELAY,
      thresholds("minRelayedMessages", Kind.COUNT),
      ServerIsOpenRelay::new),
  SASL_NOT_PERMITTED_FOR_RELAY(
      Verdict.SASL_NOT_PERMITTED_FOR_RELAY,
      thresholds("minDeniedSessions", Kind.COUNT),
      SaslNotPermittedForRelay::new),
  OPEN_RELAY_PROBE(
      Verdict.OPEN_RELAY_PROBE,
      thresholds("minRecipientDomains", Kind.COUNT, "minDenials", Kind.COUNT),
      OpenRelayProbe::new),
  SASL_AUTH_FAILING(
      Verdict.SASL_AUTH_FAILING,
      thresholds("minDeniedSessions", Kind.COUNT, "minAuthFailures", Kind.COUNT),
      SaslAuthFailing::new),
  TRUSTED_SENDER_NOT_IN_MYNETWORKS(
      Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS,
      thresholds("minDenials", Kind.COUNT),
      TrustedSenderNotInMynetworks::new),
  CLIENT_NOT_AUTHENTICATING(
      Verdict.CLIENT_NOT_AUTHENTICATING,
      thresholds("minDenials", Kind.COUNT),
      ClientNotAuthenticating::new),
  DOMAIN_NOT_ACCEPTED(
      Verdict.DOMAIN_NOT_ACCEPTED,
      thresholds("minClients", Kind.COUNT, "minExternalShare", Kind.SHARE),
      DomainNotAccepted::new),
  SASL_BACKEND_UNAVAILABLE(
      Verdict.SASL_BACKEND_UNAVAILABLE,
      thresholds("minErrors", Kind.COUNT),
      SaslBackendUnavailable::new);

  private final Verdict verdict;
  private final Map<String, Kind> thresholds;
  private final BiFunction<Severity, Thresholds, Rule> factory;

  RuleType(
      Verdict verdict,
      Map<String, Kind> thresholds,
      BiFunction<Severity, Thresholds, Rule> factory) {
    this.verdict = verdict;
    this.thresholds = thresholds;
    this.factory = factory;
  }

  /** The rule type deciding a verdict from evidence; empty for configuration-only verdicts. */
  public static Optional<RuleType> find(Verdict verdict) {
    for (RuleType type : values()) {
      if (type.verdict == verdict) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The rule type deciding a verdict that has one. */
  public static RuleType of(Verdict verdict) {
    return find(verdict)
        .orElseThrow(() -> new IllegalStateException("no rule for verdict " + verdict));
  }

  public Verdict verdict() {
    return verdict;
  }

  /** The thresholds the rule reads, by name, with their kinds. */
  public Map<String, Kind> thresholds() {
    return thresholds;
  }

  /** A rule with the severity and thresholds the catalogue gave. */
  public Rule create(Severity severity, Thresholds values) {
    return factory.apply(severity, values);
  }

  private static Map<String, Kind> thresholds(Object... namesAndKinds) {
    Map<String, Kind> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndKinds.length; i += 2) {
      map.put((String) namesAndKinds[i], (Kind) namesAndKinds[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
