package io.relaywatch.bench;

import io.relaywatch.bench.ClientPool.Client;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Writes the part of a Postfix 3.7 line after the syslog timestamp and host: {@code program[pid]:
 * message}. The shapes are those Postfix writes; names and addresses are made up from reserved
 * domains and ranges.
 */
public final class PostfixLines {
  private static final String LOCAL_DOMAIN = "example.com";
  private static final String[] USERS = {
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "info",
    "sales"
  };
  private static final String[] WORDS = {
    "mail", "news", "shop", "bank", "promo", "support", "billing", "team", "office", "updates"
  };
  private static final String[] TLDS = {"example", "test", "invalid", "example.net", "example.org"};
  private static final String[] BAD_HELOS = {"localhost", "WIN-7GKQ2", "user", "ylmf-pc", "a"};
  private static final String[] LOST_AFTER = {
    "AUTH", "CONNECT", "EHLO", "RCPT", "DATA", "STARTTLS"
  };
  private static final int RECENT_QUEUE_IDS = 64;

  private final SplittableRandom random;
  private final ClientPool clients;
  private final String[] recentQueueIds = new String[RECENT_QUEUE_IDS];
  private int queueIdCursor;

  /** Lines drawn with {@code random} from the clients of {@code clients}. */
  public PostfixLines(SplittableRandom random, ClientPool clients) {
    this.random = random;
    this.clients = clients;
    for (int i = 0; i < RECENT_QUEUE_IDS; i++) {
      recentQueueIds[i] = newQueueId();
    }
  }

  /** Appends {@code program[pid]: message} for one line of the given kind. */
  public void append(StringBuilder line, LineKind kind, String syslogTime) {
    switch (kind) {
      case RELAY_DENIED -> reject(line, "reject", this::relayDenied);
      case UNKNOWN_RECIPIENT -> reject(line, "reject", this::unknownRecipient);
      case RBL_LISTED -> reject(line, "reject", this::rblListed);
      case HELO_REJECTED -> reject(line, "reject", this::heloRejected);
      case SENDER_REJECTED -> reject(line, "reject", this::senderRejected);
      case REJECT_WARNING -> reject(line, "reject_warning", this::reverseHostnameMissing);
      case SASL_FAILED -> saslFailed(line);
      case CONNECT -> smtpd(line).append("connect from ").append(clients.pick(random).bracketed());
      case DISCONNECT -> disconnect(line);
      case CLIENT ->
          smtpd(line)
              .append(newRecentQueueId())
              .append(": client=")
              .append(clients.pick(random).bracketed());
      case SASL_LOGIN -> saslLogin(line);
      case CLEANUP -> cleanup(line);
      case QMGR_FROM ->
          program(line, "qmgr", 900)
              .append(recentQueueId())
              .append(": from=<")
              .append(address())
              .append(">, size=")
              .append(500 + random.nextInt(200_000))
              .append(", nrcpt=")
              .append(1 + random.nextInt(3))
              .append(" (queue active)");
      case SMTP_SENT -> smtpSent(line);
      case LOCAL_SENT -> localSent(line);
      case QMGR_REMOVED -> program(line, "qmgr", 900).append(recentQueueId()).append(": removed");
      case LOST_CONNECTION ->
          smtpd(line)
              .append("lost connection after ")
              .append(LOST_AFTER[random.nextInt(LOST_AFTER.length)])
              .append(" from ")
              .append(clients.pick(random).bracketed());
      case HOSTNAME_WARNING -> hostnameWarning(line);
      case ANVIL_STATISTICS ->
          program(line, "anvil", 880)
              .append("statistics: max connection rate ")
              .append(1 + random.nextInt(20))
              .append("/60s for (smtp:")
              .append(clients.pick(random).ip())
              .append(") at ")
              .append(syslogTime);
    }
  }

  /** The recipient and the reply: code, enhanced code and text. */
  private record RejectText(String recipient, String reply) {}

  private RejectText relayDenied(Client client) {
    String rcpt = address();
    return new RejectText(rcpt, "554 5.7.1 <" + rcpt + ">: Relay access denied");
  }

  private RejectText unknownRecipient(Client client) {
    String rcpt = localAddress();
    return new RejectText(
        rcpt,
        "550 5.1.1 <"
            + rcpt
            + ">: Recipient address rejected: User unknown in local recipient table");
  }

  private RejectText rblListed(Client client) {
    return new RejectText(
        localAddress(),
        "554 5.7.1 Service unavailable; Client host ["
            + client.ip()
            + "] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/"
            + client.ip());
  }

  private RejectText heloRejected(Client client) {
    String helo = BAD_HELOS[random.nextInt(BAD_HELOS.length)];
    return new RejectText(
        localAddress(),
        "504 5.5.2 <" + helo + ">: Helo command rejected: need fully-qualified hostname");
  }

  private RejectText senderRejected(Client client) {
    String sender = "bounce@" + WORDS[random.nextInt(WORDS.length)] + ".invalid";
    return new RejectText(
        localAddress(), "450 4.1.8 <" + sender + ">: Sender address rejected: Domain not found");
  }

  private RejectText reverseHostnameMissing(Client client) {
    return new RejectText(
        localAddress(),
        "450 4.7.1 Client host rejected: cannot find your reverse hostname, [" + client.ip() + "]");
  }

  private void reject(StringBuilder line, String action, Function<Client, RejectText> reply) {
    Client client = clients.pick(random);
    RejectText text = reply.apply(client);
    smtpd(line)
        .append("NOQUEUE: ")
        .append(action)
        .append(": RCPT from ")
        .append(client.bracketed());
    if (random.nextInt(20) == 0) {
      line.append(':').append(1024 + random.nextInt(64_000));
    }
    line.append(": ").append(text.reply());
    line.append("; from=<")
        .append(address())
        .append("> to=<")
        .append(text.recipient())
        .append("> proto=")
        .append(random.nextInt(4) == 0 ? "SMTP" : "ESMTP")
        .append(" helo=<")
        .append(helo(client))
        .append('>');
  }

  private void saslFailed(StringBuilder line) {
    smtpd(line).append("warning: ").append(clients.pick(random).bracketed());
    if (random.nextInt(5) == 0) {
      line.append(": SASL PLAIN authentication failed: authentication failure");
    } else {
      line.append(": SASL LOGIN authentication failed: UGFzc3dvcmQ6");
    }
  }

  private void disconnect(StringBuilder line) {
    smtpd(line).append("disconnect from ").append(clients.pick(random).bracketed());
    switch (random.nextInt(4)) {
      case 0 -> line.append(" ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");
      case 1 -> line.append(" ehlo=1 auth=0/1 quit=1 commands=2/3");
      case 2 -> line.append(" ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7");
      default -> line.append(" ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5");
    }
  }

  private void saslLogin(StringBuilder line) {
    program(line, "submission/smtpd", 2000)
        .append(newRecentQueueId())
        .append(": client=")
        .append(clients.pick(random).bracketed())
        .append(", sasl_method=PLAIN, sasl_username=")
        .append(USERS[random.nextInt(USERS.length)])
        .append('@')
        .append(LOCAL_DOMAIN);
  }

  private void cleanup(StringBuilder line) {
    program(line, "cleanup", 1500)
        .append(recentQueueId())
        .append(": message-id=<")
        .append(Long.toHexString(random.nextLong() >>> 8))
        .append('.')
        .append(random.nextInt(100_000))
        .append('@')
        .append(domain())
        .append('>');
  }

  private void smtpSent(StringBuilder line) {
    String domain = domain();
    program(line, "smtp", 1700)
        .append(recentQueueId())
        .append(": to=<")
        .append(user())
        .append('@')
        .append(domain)
        .append(">, relay=mx.")
        .append(domain)
        .append('[')
        .append(clients.pick(random).ip())
        .append("]:25, delay=")
        .append(delay())
        .append(", delays=0.1/0.01/")
        .append(delay())
        .append('/')
        .append(delay())
        .append(", dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ")
        .append(newQueueId())
        .append(')');
  }

  private void localSent(StringBuilder line) {
    program(line, "local", 1800)
        .append(recentQueueId())
        .append(": to=<")
        .append(localAddress())
        .append(">, relay=local, delay=")
        .append(delay())
        .append(", delays=0.02/0.01/0/0.02, dsn=2.0.0, status=sent (delivered to mailbox)");
  }

  private void hostnameWarning(StringBuilder line) {
    Client client = clients.pick(random);
    smtpd(line)
        .append("warning: hostname mail")
        .append(random.nextInt(100))
        .append('.')
        .append(domain())
        .append(" does not resolve to address ")
        .append(client.ip())
        .append(": Name or service not known");
  }

  private StringBuilder smtpd(StringBuilder line) {
    return program(line, "smtpd", 1000);
  }

  // Each program keeps a handful of pids, as long-lived Postfix daemons do.
  private StringBuilder program(StringBuilder line, String name, int pidBase) {
    return line.append("postfix/")
        .append(name)
        .append('[')
        .append(pidBase * 10 + random.nextInt(8))
        .append("]: ");
  }

  private String helo(Client client) {
    return switch (random.nextInt(3)) {
      case 0 -> "[" + client.ip() + "]";
      case 1 -> BAD_HELOS[random.nextInt(BAD_HELOS.length)];
      default -> client.host().equals("unknown") ? "mail." + domain() : client.host();
    };
  }

  private String address() {
    return user() + "@" + domain();
  }

  private String localAddress() {
    return user() + "@" + LOCAL_DOMAIN;
  }

  private String user() {
    return USERS[random.nextInt(USERS.length)] + (random.nextBoolean() ? "" : random.nextInt(1000));
  }

  private String domain() {
    return WORDS[random.nextInt(WORDS.length)]
        + random.nextInt(50)
        + "."
        + TLDS[random.nextInt(TLDS.length)];
  }

  private String delay() {
    return (random.nextInt(300) / 100.0) + "";
  }

  private String newRecentQueueId() {
    String id = newQueueId();
    recentQueueIds[queueIdCursor] = id;
    queueIdCursor = (queueIdCursor + 1) % RECENT_QUEUE_IDS;
    return id;
  }

  private String recentQueueId() {
    return recentQueueIds[random.nextInt(RECENT_QUEUE_IDS)];
  }

  // Postfix short queue ids: upper-case hex of the arrival time and inode.
  private String newQueueId() {
    return Long.toHexString(0x10000000000L + random.nextLong(0xf0000000000L)).toUpperCase();
  }
}
