package io.relaywatch.bench.latency;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one probe: a fresh outside client refused relay to three foreign recipient domains
 * with a foreign sender, which crosses {@code open_relay_probe}'s shipped threshold ({@code
 * minRecipientDomains: 3}) on the third line. The client is in 2001:db8::/32 (RFC 3849) with its
 * third and fourth groups zero, a shape the background's clients never have.
 *
 * @param number the probe's number in the run, from 0
 */
record ProbeBurst(int number) {
  /** The verdict the burst must raise. */
  static final String VERDICT = "open_relay_probe";

  static final int DOMAINS = 3;

  /** The client address, in the canonical form a finding carries. */
  String clientIp() {
    return "2001:db8::a:" + Integer.toHexString(number + 1);
  }

  /** The alert key ({@code verdict/subject}) the burst must produce. */
  String alertKey() {
    return VERDICT + "/" + clientIp();
  }

  /**
   * The burst's lines after the syslog time, each without a newline; the last one crosses the
   * threshold.
   */
  List<String> lines(String syslogTime, String mailHost) {
    List<String> lines = new ArrayList<>(DOMAINS);
    for (int i = 1; i <= DOMAINS; i++) {
      String rcpt = "user" + i + "@probe" + number + "-" + i + ".example";
      lines.add(
          syslogTime
              + " "
              + mailHost
              + " postfix/smtpd[10999]: NOQUEUE: reject: RCPT from unknown["
              + clientIp()
              + "]: 554 5.7.1 <"
              + rcpt
              + ">: Relay access denied; from=<spam@sender"
              + number
              + ".example> to=<"
              + rcpt
              + "> proto=ESMTP helo=<probe"
              + number
              + ".example>");
    }
    return lines;
  }
}
