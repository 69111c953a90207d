package io.relaywatch.bench;

/**
 * The kinds of line the generator writes, with their share of all lines in parts per ten thousand.
 * The shares follow the peer-baseline file: 12% rejects (7% relay denials), 1% SASL failures, the
 * rest the ordinary traffic of a small relay.
 */
public enum LineKind {
  RELAY_DENIED(700, true),
  UNKNOWN_RECIPIENT(220, true),
  RBL_LISTED(120, true),
  HELO_REJECTED(60, true),
  SENDER_REJECTED(60, true),
  REJECT_WARNING(40, true),
  SASL_FAILED(100, false),
  CONNECT(1500, false),
  DISCONNECT(1500, false),
  CLIENT(1000, false),
  SASL_LOGIN(200, false),
  CLEANUP(1000, false),
  QMGR_FROM(1100, false),
  SMTP_SENT(900, false),
  LOCAL_SENT(300, false),
  QMGR_REMOVED(1000, false),
  LOST_CONNECTION(100, false),
  HOSTNAME_WARNING(50, false),
  ANVIL_STATISTICS(50, false);

  /** The weights add up to this. */
  public static final int TOTAL_WEIGHT = 10_000;

  private static final LineKind[] BY_TICKET = tickets();

  private final int weight;
  private final boolean reject;

  LineKind(int weight, boolean reject) {
    this.weight = weight;
    this.reject = reject;
  }

  int weight() {
    return weight;
  }

  boolean isReject() {
    return reject;
  }

  /** The kind for a uniformly drawn ticket in {@code [0, TOTAL_WEIGHT)}. */
  public static LineKind forTicket(int ticket) {
    return BY_TICKET[ticket];
  }

  // A lookup table keeps the draw O(1); the generator writes a million lines in a few seconds.
  private static LineKind[] tickets() {
    LineKind[] table = new LineKind[TOTAL_WEIGHT];
    int next = 0;
    for (LineKind kind : values()) {
      for (int i = 0; i < kind.weight; i++) {
        table[next++] = kind;
      }
    }
    if (next != TOTAL_WEIGHT) {
      throw new IllegalStateException("line kind weights add up to " + next);
    }
    return table;
  }
}
