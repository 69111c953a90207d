package io.relaywatch.streams.parse;

import java.util.List;

/** One line per parser path, parsed untimed before a fuzz test times anything. */
final class WarmUpLines {
  static final List<String> ALL =
      List.of(
          "Nov  3 10:33:27 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 <a@b.example>: Relay access denied; from=<x@example.net> to=<a@b.example> proto=ESMTP helo=<p>",
          "Nov  3 10:33:27 mx1 postfix/smtpd[1]: warning: unknown[192.0.2.7]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
          "Nov  3 10:33:27 mx1 postfix/smtpd[1]: disconnect from unknown[192.0.2.7] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
          "Nov  3 10:33:27 mx1 postfix/smtpd[1]: 4Xk2b71Zz3z9v: client=unknown[192.0.2.7]",
          "Nov  3 10:33:27 mx1 postfix/qmgr[2]: 4Xk2b71Zz3z9v: removed",
          "2026-06-29 15:33:46 [12] H=(helo) [192.0.2.7] F=<x@y> rejected RCPT <r@z>: relay not permitted",
          "2026-06-29 15:33:46 plain authenticator failed for (helo) [192.0.2.7]: 535 Incorrect authentication data",
          "Nov  3 10:33:27 mx1 sm-mta[1]: x1234567890: ruleset=check_rcpt, arg1=<r@z>, relay=[192.0.2.7], reject=550 5.7.1 <r@z>... Relaying denied");

  private WarmUpLines() {}
}
