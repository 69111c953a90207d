package io.relaywatch.streams.topology;

import static io.relaywatch.streams.topology.PostfixQueue.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.MessageClose;
import io.relaywatch.events.MessageOutcome;
import io.relaywatch.events.MessageRecord;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messages joined in a TopologyTestDriver: each test reads like the log it replays. */
class MessageCorrelationTest {
  private static final String MESSAGES = "relaywatch_streams_messages_total";
  private static final String TIMED_OUT = "relaywatch_streams_messages_timed_out_total";

  private final MessageDriver mx =
      new MessageDriver(
          new MessageConfig(
              Duration.ofMinutes(10),
              Duration.ofMinutes(1),
              List.of("example.com"),
              InternalNetworks.of(List.of("10.0.0.0/8"))));

  @AfterEach
  void stop() {
    mx.close();
  }

  private double messages(String network, boolean authenticated, String outcome) {
    return mx.metric(
        MESSAGES,
        "network",
        network,
        "authenticated",
        String.valueOf(authenticated),
        "outcome",
        outcome);
  }

  @Test
  void shouldEmitAnOpenRelayedMessageKeyedByItsClient() {
    PostfixQueue m = message("4F3B21C0A1");
    mx.log(
        m.at(1).client(1234, "203.0.113.7"),
        m.at(2).queued("spam@example.org"),
        m.at(3).delivered("victim@victim.example", "sent"),
        m.at(3).removed());

    List<KeyValue<String, MessageRecord>> closed = mx.closedMessages();
    assertThat(closed).extracting(kv -> kv.key).containsExactly("203.0.113.7");
    MessageRecord r = closed.get(0).value;
    assertThat(r.authenticated()).isFalse();
    assertThat(r.leftForForeignDomain()).isTrue();
    assertThat(r.recipientDomains()).containsExactly("victim.example");
    assertThat(r.sender()).isEqualTo("spam@example.org");
    assertThat(r.closedBy()).isEqualTo(MessageClose.COMPLETE);
    assertThat(messages("external", false, "sent")).isEqualTo(1);
    assertThat(mx.openMessages()).isZero();
  }

  @Test
  void shouldMarkAnAuthenticatedExternalClientRelaying() {
    PostfixQueue m = message("8C1D2E3F4A");
    mx.log(
        m.at(1).authenticatedClient(5555, "198.51.100.90", "alice"),
        m.at(2).queued("alice@example.com"),
        m.at(3).delivered("friend@outside.example", "sent"),
        m.at(3).removed());

    MessageRecord r = mx.closedMessages().get(0).value;
    assertThat(r.authenticated()).isTrue();
    assertThat(r.saslUsername()).isEqualTo("alice");
    assertThat(r.leftForForeignDomain()).isTrue();
    assertThat(messages("external", true, "sent")).isEqualTo(1);
    assertThat(messages("external", false, "sent")).isZero();
  }

  @Test
  void shouldCountAnInternalClientRelayingAsInternal() {
    PostfixQueue m = message("ABCDEF0001");
    mx.log(
        m.at(1).client(100, "10.1.2.3"),
        m.at(2).queued("app@example.com"),
        m.at(3).delivered("customer@gmail.example", "deferred"),
        m.at(4).delivered("customer@gmail.example", "sent"),
        m.at(4).removed());

    MessageRecord r = mx.closedMessages().get(0).value;
    assertThat(r.clientIp()).isEqualTo("10.1.2.3");
    assertThat(r.outcome()).isEqualTo(MessageOutcome.SENT);
    assertThat(messages("internal", false, "sent")).isEqualTo(1);
  }

  @Test
  void shouldKeepInterleavedQueueIdsOfSeveralSmtpdProcessesApart() {
    PostfixQueue a = message("AAAAAA0001");
    PostfixQueue b = message("BBBBBB0002");
    PostfixQueue c = message("CCCCCC0003");
    mx.log(
        a.at(1).client(101, "203.0.113.1"),
        b.at(1).client(102, "10.0.0.2"),
        c.at(2).client(103, "203.0.113.3"),
        c.at(2).queued("c@example.org"),
        a.at(2).queued("a@example.org"),
        b.at(3).queued("b@example.com"),
        b.at(3).delivered("b@example.com", "sent"),
        a.at(4).delivered("a@a.example", "bounced"),
        c.at(4).delivered("c@c.example", "sent"),
        b.at(5).removed(),
        c.at(5).removed(),
        a.at(6).removed());

    List<KeyValue<String, MessageRecord>> closed = mx.closedMessages();
    assertThat(closed)
        .extracting(kv -> kv.key + " " + kv.value.queueId() + " " + kv.value.sender())
        .containsExactly(
            "10.0.0.2 BBBBBB0002 b@example.com",
            "203.0.113.3 CCCCCC0003 c@example.org",
            "203.0.113.1 AAAAAA0001 a@example.org");
    assertThat(closed.get(0).value.leftForForeignDomain()).isFalse();
    assertThat(closed.get(2).value.outcome()).isEqualTo(MessageOutcome.BOUNCED);
  }

  @Test
  void shouldCloseAMessageWhoseDeliveryNeverComesByTimeoutAndCountIt() {
    PostfixQueue lost = message("DEAD000001");
    mx.log(lost.at(1).client(1, "203.0.113.9"), lost.at(2).queued("x@example.org"));
    assertThat(mx.closedMessages()).isEmpty();
    assertThat(mx.openMessages()).isEqualTo(1);

    // Stream time moves on with another message's lines, past the 10-minute timeout.
    PostfixQueue later = message("BEEF000002");
    mx.log(later.at(2 + 660).client(2, "10.0.0.1"));

    List<KeyValue<String, MessageRecord>> closed = mx.closedMessages();
    assertThat(closed).extracting(kv -> kv.key).containsExactly("203.0.113.9");
    assertThat(closed.get(0).value.closedBy()).isEqualTo(MessageClose.TIMEOUT);
    assertThat(closed.get(0).value.outcome()).isEqualTo(MessageOutcome.UNKNOWN);
    assertThat(mx.metric(TIMED_OUT)).isEqualTo(1);
    assertThat(messages("external", false, "unknown")).isEqualTo(1);
    assertThat(mx.openMessages()).as("only the later message").isEqualTo(1);
  }
}
