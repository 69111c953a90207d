package io.relaywatch.alerts.engine.fix;

/**
 * Postfix and Dovecot lines that more than one fix proposes (the verdict rules and {@code
 * relaywatch audit}), written once so that the two never drift apart.
 */
public final class PostfixLines {
  /** Validates the configuration, then applies it without dropping connections. */
  public static final String CHECK_AND_RELOAD = "postfix check && postfix reload";

  /**
   * Postfix's own default relay restrictions (3.x): clients of {@code mynetworks} and authenticated
   * clients may relay, everyone else gets a temporary refusal.
   */
  public static final String DEFAULT_RELAY_RESTRICTIONS =
      "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination";

  /**
   * Points Postfix at Dovecot's auth socket. Not {@code smtpd_sasl_auth_enable}: AUTH is already on
   * wherever a missing backend shows (often only for submission, in master.cf), and setting it in
   * main.cf would offer AUTH on port 25 too, before STARTTLS.
   */
  public static final String POINT_AT_DOVECOT =
      "postconf -e 'smtpd_sasl_type = dovecot' 'smtpd_sasl_path = private/auth'";

  /** The Dovecot listener that {@link #POINT_AT_DOVECOT} expects, inside Postfix's queue. */
  public static final String DOVECOT_AUTH_LISTENER =
      """
      service auth {
        unix_listener /var/spool/postfix/private/auth {
          mode = 0660
          user = postfix
          group = postfix
        }
      }
      """;

  private PostfixLines() {}
}
