package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.engine.fix.PostfixLines;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code main.cf} parameters a check reads, with Postfix's defaults where one is not set. The
 * defaults that decide relaying depend on {@code compatibility_level} (Postfix 3.x keeps the old
 * ones until the level is raised): below 1 {@code smtpd_relay_restrictions} is empty, below 2
 * {@code mynetworks_style} is {@code subnet}. With {@code --live}, the values {@code postconf -x}
 * printed take the place of these defaults, since the running Postfix knows best.
 */
public final class MainConfig {
  static final String POSTFIX_RELAY_DEFAULT = PostfixLines.DEFAULT_RELAY_RESTRICTIONS;

  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("compatibility_level", "0"),
          Map.entry("smtpd_recipient_restrictions", ""),
          Map.entry("smtpd_tls_auth_only", "no"),
          Map.entry("smtpd_sasl_auth_enable", "no"),
          Map.entry("smtpd_sasl_type", "cyrus"),
          Map.entry("smtpd_sasl_path", "smtpd"),
          Map.entry("smtpd_tls_security_level", ""),
          Map.entry("smtpd_use_tls", "no"),
          Map.entry("smtpd_enforce_tls", "no"),
          Map.entry("smtpd_tls_wrappermode", "no"),
          Map.entry("queue_directory", "/var/spool/postfix"));

  private final PostfixParameters explicit;
  private final PostfixParameters live;

  /**
   * @param explicit what {@code postconf -n} (or a {@code main.cf}) sets
   * @param live the effective values {@code postconf -x} printed; empty when auditing files
   */
  public MainConfig(PostfixParameters explicit, PostfixParameters live) {
    this.explicit = explicit;
    this.live = live;
  }

  /** Whether the values come from a running Postfix rather than from a file. */
  public boolean isLive() {
    return !live.all().isEmpty();
  }

  public PostfixParameters explicit() {
    return explicit;
  }

  /** The raw value: as the running Postfix says, or set, or the default; empty when unknown. */
  public Optional<String> raw(String name) {
    // postconf -x values are what the running Postfix uses, already expanded.
    Optional<String> set = live.get(name).or(() -> explicit.get(name));
    if (set.isPresent()) {
      return set;
    }
    return switch (name) {
      case "smtpd_relay_restrictions" -> Optional.of(level() < 1 ? "" : POSTFIX_RELAY_DEFAULT);
      case "mynetworks_style" -> Optional.of(level() < 2 ? "subnet" : "host");
      default -> Optional.ofNullable(DEFAULTS.get(name));
    };
  }

  /** The value with {@code $name} references expanded; empty when unknown. */
  public Expansion.Result value(String name) {
    return Expansion.expand(raw(name).orElse(""), this::raw);
  }

  /** The expanded value, or "" when it is not known. */
  public String text(String name) {
    return value(name).text().strip();
  }

  /** A Postfix boolean: {@code yes} or {@code true}, in any case. */
  public static boolean isYes(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("yes") || v.equals("true");
  }

  /** {@code compatibility_level} as a number ({@code 3.6} is 3.6); 0 when not a number. */
  double level() {
    String text =
        explicit
            .get("compatibility_level")
            .or(() -> live.get("compatibility_level"))
            .orElse("0")
            .strip();
    String[] parts = text.split("\\.");
    try {
      double major = Double.parseDouble(parts[0]);
      double minor = parts.length > 1 ? Double.parseDouble(parts[1]) : 0;
      return major + Math.min(minor, 999) / 1000.0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
