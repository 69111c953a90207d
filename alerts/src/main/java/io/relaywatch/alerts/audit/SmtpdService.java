package io.relaywatch.alerts.audit;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code smtpd} entry of {@code master.cf} with its {@code -o} overrides, or the implicit one
 * that stands for every SMTP service when no {@code master.cf} was given.
 *
 * @param name the service name ({@code smtp}, {@code submission}, {@code 127.0.0.1:587})
 * @param type {@code inet} or {@code pass} (behind postscreen)
 * @param chroot whether the service runs chrooted (in the queue directory)
 * @param overrides the {@code -o name=value} settings, raw
 * @param line the entry as written, for evidence
 */
public record SmtpdService(
    String name, String type, boolean chroot, Map<String, String> overrides, String line) {
  /** Service names that may be named in a summary or a {@code postconf -P} command. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  private static final String IMPLICIT = "main.cf";

  public SmtpdService {
    overrides = Map.copyOf(overrides);
  }

  /** Every smtpd service as {@code main.cf} configures it, when {@code master.cf} is unknown. */
  static SmtpdService implicit() {
    return new SmtpdService(IMPLICIT, "inet", false, Map.of(), "");
  }

  boolean isImplicit() {
    return IMPLICIT.equals(name) && line.isEmpty();
  }

  /** The port part of the name ({@code submission} in {@code 127.0.0.1:submission}). */
  String port() {
    int colon = name.lastIndexOf(':');
    return (colon < 0 ? name : name.substring(colon + 1)).toLowerCase(Locale.ROOT);
  }

  boolean isSubmission() {
    return type.equals("inet") && (port().equals("submission") || port().equals("587"));
  }

  /**
   * {@code name/type} for summaries and {@code postconf -P}, when the name is plain (letters,
   * digits, dot, hyphen, underscore); empty otherwise, so no odd text reaches a command.
   */
  Optional<String> label() {
    if (isImplicit()) {
      return Optional.of(IMPLICIT);
    }
    if (!PLAIN_NAME.matcher(name).matches() || !(type.equals("inet") || type.equals("pass"))) {
      return Optional.empty();
    }
    return Optional.of(name + "/" + type);
  }

  /** The label, or a neutral stand-in for a name relaywatch does not repeat. */
  String describe() {
    return label().orElse("an smtpd service with an unusual name");
  }

  /** The override's raw value, if the service sets it. */
  Optional<String> override(String parameter) {
    return Optional.ofNullable(overrides.get(parameter));
  }

  /** The effective value for this service: the override expanded against main.cf, or main.cf's. */
  Expansion.Result value(String parameter, MainConfig main) {
    return override(parameter)
        .map(v -> Expansion.expand(v, main::raw))
        .orElseGet(() -> main.value(parameter));
  }

  String text(String parameter, MainConfig main) {
    return value(parameter, main).text().strip();
  }

  /** Whether the service offers AUTH. */
  boolean saslEnabled(MainConfig main) {
    return MainConfig.isYes(text("smtpd_sasl_auth_enable", main));
  }

  /** Whether every connection is encrypted: TLS required, or TLS from the start (smtps). */
  boolean encrypted(MainConfig main) {
    if (MainConfig.isYes(text("smtpd_tls_wrappermode", main))) {
      return true;
    }
    String level = text("smtpd_tls_security_level", main).toLowerCase(Locale.ROOT);
    if (!level.isEmpty()) {
      return level.equals("encrypt");
    }
    return MainConfig.isYes(text("smtpd_enforce_tls", main));
  }
}
