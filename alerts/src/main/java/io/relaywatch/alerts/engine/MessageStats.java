package io.relaywatch.alerts.engine;

import java.util.List;

/**
 * What a client's messages accepted by the MTA (from {@code relaywatch.messages}) say about
 * relaying: the messages it got through without authenticating for a recipient domain outside
 * {@code localDomains}, over the evaluation window.
 *
 * @param relayedMessages unauthenticated messages accepted for a foreign recipient domain
 * @param queueIds the queue ids of the first of them, at most {@link #MAX_QUEUE_IDS}, as logged
 *     (attacker-controlled text: validated before it goes into any command)
 * @param recipientDomains the recipient domains of those messages, first seen first, at most {@link
 *     #MAX_DOMAINS} (log text; the rule names only those outside {@code localDomains})
 * @param mailHosts the mail hosts whose queues hold them
 * @param sampleLines the first lines of those messages
 */
public record MessageStats(
    long relayedMessages,
    List<String> queueIds,
    List<String> recipientDomains,
    List<String> mailHosts,
    List<String> sampleLines) {
  public static final int MAX_QUEUE_IDS = 10;
  public static final int MAX_DOMAINS = 20;
  public static final MessageStats NONE =
      new MessageStats(0, List.of(), List.of(), List.of(), List.of());

  public MessageStats {
    queueIds = bounded(queueIds, MAX_QUEUE_IDS);
    recipientDomains = bounded(recipientDomains, MAX_DOMAINS);
    mailHosts = bounded(mailHosts, MAX_DOMAINS);
    sampleLines = sampleLines == null ? List.of() : List.copyOf(sampleLines);
  }

  private static List<String> bounded(List<String> list, int max) {
    if (list == null) {
      return List.of();
    }
    return List.copyOf(list.size() > max ? list.subList(0, max) : list);
  }
}
