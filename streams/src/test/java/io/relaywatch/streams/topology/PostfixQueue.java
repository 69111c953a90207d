package io.relaywatch.streams.topology;

/**
 * Real-format Postfix lines of one message through the queue, for script-like tests: {@code
 * message("4F3B21C0A1").from(1234, "203.0.113.7").at(2).queued("spam@example.org")}. Times are
 * seconds after 10:00:00 on Nov 3 ({@link Smtpd#T0}); the host is {@code mx1} unless said.
 */
final class PostfixQueue {
  private final String queueId;
  private String host = "mx1";
  private long second;

  private PostfixQueue(String queueId) {
    this.queueId = queueId;
  }

  static PostfixQueue message(String queueId) {
    return new PostfixQueue(queueId);
  }

  /** The mail host that logs the next lines. */
  PostfixQueue on(String mailHost) {
    host = mailHost;
    return this;
  }

  PostfixQueue at(long secondsAfterT0) {
    second = secondsAfterT0;
    return this;
  }

  private String header(String program, int pid) {
    return String.format(
        "Nov  3 %02d:%02d:%02d %s %s[%d]: %s: ",
        10 + second / 3600, second / 60 % 60, second % 60, host, program, pid, queueId);
  }

  /** smtpd's {@code client=} line of a client that did not authenticate. */
  String client(int pid, String clientIp) {
    return header("postfix/smtpd", pid) + "client=unknown[" + clientIp + "]";
  }

  /** submission's {@code client=} line of an authenticated client. */
  String authenticatedClient(int pid, String clientIp, String user) {
    return header("postfix/submission/smtpd", pid)
        + "client=laptop.example.net["
        + clientIp
        + "], sasl_method=PLAIN, sasl_username="
        + user;
  }

  String queued(String sender) {
    return header("postfix/qmgr", 900) + "from=<" + sender + ">, size=1234, nrcpt=1 (queue active)";
  }

  /** A delivery line; {@code status} is {@code sent}, {@code deferred} or {@code bounced}. */
  String delivered(String recipient, String status) {
    String dsn = status.equals("sent") ? "2.0.0" : status.equals("deferred") ? "4.4.1" : "5.1.1";
    return header("postfix/smtp", 902)
        + "to=<"
        + recipient
        + ">, relay=mx.example.org[198.51.100.25]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn="
        + dsn
        + ", status="
        + status
        + " (250 2.0.0 Ok)";
  }

  String removed() {
    return header("postfix/qmgr", 900) + "removed";
  }
}
