package io.relaywatch.streams.parse;

import io.relaywatch.events.Mta;
import java.util.Set;

/**
 * What a syslog tag says about the mail system: {@code postfix/submission/smtpd} is Postfix
 * instance {@code postfix}, service {@code submission}, daemon {@code smtpd}.
 *
 * @param mta the mail system
 * @param instance the Postfix {@code syslog_name} prefix (e.g. {@code postfix-in}); null otherwise
 * @param service the master.cf service (e.g. {@code submission}), or the daemon when it runs under
 *     its own name; null for Exim and Sendmail
 * @param daemon the Postfix program (e.g. {@code smtpd}); null for Exim and Sendmail
 */
record ProgramName(Mta mta, String instance, String service, String daemon) {
  private static final Set<String> EXIM = Set.of("exim", "exim4");
  private static final Set<String> SENDMAIL = Set.of("sendmail");
  // Postfix daemons whose lines can say something about rejects, SASL or accepted messages. Of qmgr
  // and the delivery agents only the message lines are read (MessageLines): in a delivery line
  // "rejected" means a remote server refused our mail.
  private static final Set<String> POSTFIX_WATCHED =
      Set.of(
          "smtpd",
          "postscreen",
          "cleanup",
          "qmgr",
          "smtp",
          "lmtp",
          "local",
          "virtual",
          "pipe",
          "discard",
          "error",
          "retry");

  /** The mail system of a tag, or null for programs relaywatch does not read. */
  static ProgramName of(String program) {
    int slash = program.indexOf('/');
    if (slash > 0) {
      return postfix(program, slash);
    }
    if (EXIM.contains(program)) {
      return new ProgramName(Mta.EXIM, null, null, null);
    }
    // sendmail renames its processes (sm-mta, sm-acceptingconnections, sm-msp-queue).
    if (SENDMAIL.contains(program) || program.startsWith("sm-")) {
      return new ProgramName(Mta.SENDMAIL, null, null, null);
    }
    return null;
  }

  private static ProgramName postfix(String program, int firstSlash) {
    int lastSlash = program.lastIndexOf('/');
    String daemon = program.substring(lastSlash + 1);
    if (!POSTFIX_WATCHED.contains(daemon)) {
      return null;
    }
    String instance = program.substring(0, firstSlash);
    String service =
        lastSlash == firstSlash
            ? daemon
            : program.substring(program.lastIndexOf('/', lastSlash - 1) + 1, lastSlash);
    return new ProgramName(Mta.POSTFIX, instance, service, daemon);
  }
}
