package io.relaywatch.streams.topology;

import static io.relaywatch.streams.topology.PostfixQueue.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.MessageClose;
import io.relaywatch.events.MessageOutcome;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Kafka-free message fold, fed parsed real-format lines the way diagnose feeds it. */
class MessageJoinTest {
  private static final MailLogParser PARSER = MailLogParser.create(ZoneOffset.UTC);
  private static final Instant SHIPPED = Instant.parse("2026-11-28T12:00:00Z");
  private static final MessageConfig CONFIG =
      new MessageConfig(
          Duration.ofMinutes(10),
          Duration.ofMinutes(1),
          List.of("example.com"),
          InternalNetworks.defaults());

  private final List<MessageRecord> closed = new ArrayList<>();
  private final MessageJoin join = MessageJoin.inMemory(CONFIG, 1000, (m, t) -> closed.add(m));

  private void log(String... lines) {
    for (String line : lines) {
      if (PARSER.parse(line, SHIPPED) instanceof ParseResult.Parsed p) {
        join.accept(p.event());
      } else {
        throw new AssertionError("not parsed: " + line);
      }
    }
  }

  @Test
  void shouldJoinAStrangersRelayedMessage() {
    PostfixQueue m = message("4F3B21C0A1");
    log(
        m.at(1).client(1234, "203.0.113.7"),
        m.at(2).queued("spam@example.org"),
        m.at(3).delivered("victim@Victim.Example", "sent"),
        m.at(3).removed());

    assertThat(closed).hasSize(1);
    MessageRecord r = closed.get(0);
    assertThat(r.clientIp()).isEqualTo("203.0.113.7");
    assertThat(r.authenticated()).isFalse();
    assertThat(r.sender()).isEqualTo("spam@example.org");
    assertThat(r.recipientDomains()).containsExactly("victim.example");
    assertThat(r.recipients()).isEqualTo(1);
    assertThat(r.outcome()).isEqualTo(MessageOutcome.SENT);
    assertThat(r.leftForForeignDomain()).isTrue();
    assertThat(r.closedBy()).isEqualTo(MessageClose.COMPLETE);
    assertThat(r.queueId()).isEqualTo("4F3B21C0A1");
    assertThat(r.sampleLines()).hasSize(3);
    assertThat(MessageJoin.recordKey(r)).isEqualTo("203.0.113.7");
  }

  @Test
  void shouldMarkAnAuthenticatedClientWithItsUser() {
    PostfixQueue m = message("8C1D2E3F4A");
    log(
        m.at(1).authenticatedClient(5555, "198.51.100.90", "alice"),
        m.at(2).queued("alice@example.com"),
        m.at(3).delivered("friend@outside.example", "sent"),
        m.at(3).removed());

    assertThat(closed)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.authenticated()).isTrue();
              assertThat(r.saslUsername()).isEqualTo("alice");
              assertThat(r.leftForForeignDomain()).isTrue();
            });
  }

  @Test
  void shouldNotCallALocalSubdomainForeign() {
    PostfixQueue m = message("ABCDEF1234");
    log(
        m.at(1).client(1, "203.0.113.8"),
        m.at(2).delivered("a@example.com", "sent"),
        m.at(2).delivered("b@mail.Example.com", "sent"),
        m.at(3).removed());

    assertThat(closed.get(0).leftForForeignDomain()).isFalse();
    assertThat(closed.get(0).recipientDomains()).containsExactly("example.com", "mail.example.com");
  }

  @Test
  void shouldTakeEachRecipientsLatestStatusForTheOutcome() {
    PostfixQueue m = message("ABCDEF1234");
    log(
        m.at(1).client(1, "203.0.113.8"),
        m.at(2).delivered("a@x.example", "deferred"),
        m.at(3).delivered("a@x.example", "sent"),
        m.at(4).removed());

    MessageRecord r = closed.get(0);
    assertThat(r.outcome()).isEqualTo(MessageOutcome.SENT);
    assertThat(r.recipients()).isEqualTo(1);
    assertThat(r.outcomes())
        .containsExactly(Map.entry(MessageOutcome.SENT, 1), Map.entry(MessageOutcome.DEFERRED, 1));
  }

  @Test
  void shouldKeepInterleavedMessagesOfSeveralSmtpdProcessesApart() {
    PostfixQueue a = message("AAAAAA0001");
    PostfixQueue b = message("BBBBBB0002");
    PostfixQueue c = message("CCCCCC0003");
    log(
        a.at(1).client(101, "203.0.113.1"),
        b.at(1).client(102, "10.0.0.2"),
        c.at(2).authenticatedClient(103, "198.51.100.3", "carol"),
        b.at(2).queued("app@example.com"),
        a.at(3).queued("x@example.org"),
        c.at(3).queued("carol@example.com"),
        c.at(4).delivered("c@c.example", "bounced"),
        a.at(4).delivered("a@a.example", "sent"),
        b.at(5).delivered("b@b.example", "deferred"),
        c.at(5).removed(),
        a.at(6).removed());

    assertThat(closed)
        .extracting(MessageRecord::queueId)
        .containsExactly("CCCCCC0003", "AAAAAA0001");
    assertThat(closed.get(0).clientIp()).isEqualTo("198.51.100.3");
    assertThat(closed.get(0).outcome()).isEqualTo(MessageOutcome.BOUNCED);
    assertThat(closed.get(1).clientIp()).isEqualTo("203.0.113.1");
    assertThat(closed.get(1).recipientDomains()).containsExactly("a.example");

    join.flush();
    assertThat(closed.get(2).queueId()).isEqualTo("BBBBBB0002");
    assertThat(closed.get(2).sender()).isEqualTo("app@example.com");
    assertThat(closed.get(2).outcome()).isEqualTo(MessageOutcome.DEFERRED);
    assertThat(closed.get(2).closedBy()).isEqualTo(MessageClose.TIMEOUT);
  }

  @Test
  void shouldCloseAMessageWhoseDeliveryNeverComesAfterTheTimeout() {
    PostfixQueue lost = message("DEAD000001");
    log(lost.at(1).client(1, "203.0.113.9"), lost.at(2).queued("x@example.org"));
    assertThat(closed).isEmpty();

    PostfixQueue later = message("BEEF000002");
    log(later.at(2 + 599).client(2, "10.0.0.1"));
    assertThat(closed).as("quiet for less than the timeout").isEmpty();
    log(later.at(2 + 660).queued("app@example.com"));

    assertThat(closed)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.queueId()).isEqualTo("DEAD000001");
              assertThat(r.closedBy()).isEqualTo(MessageClose.TIMEOUT);
              assertThat(r.outcome()).isEqualTo(MessageOutcome.UNKNOWN);
              assertThat(r.recipientDomains()).isEmpty();
            });
  }

  @Test
  void shouldNotTimeOutAHostCatchingUpOnTheNewerLinesOfAnotherHost() {
    // mx2's shipper catches up two hours of its log while mx1 is current, on the same partition.
    PostfixQueue late = message("BA5E000001").on("mx2");
    PostfixQueue current = message("C0DE000001");
    log(
        current.at(7200).client(1, "10.0.0.1"),
        late.at(1).client(2, "203.0.113.9"),
        current.at(7260).queued("app@example.com"),
        late.at(2).queued("spam@example.org"),
        current.at(7320).delivered("user@example.com", "sent"),
        late.at(3).delivered("victim@victim.example", "sent"),
        late.at(3).removed());

    assertThat(closed)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.queueId()).isEqualTo("BA5E000001");
              assertThat(r.closedBy()).isEqualTo(MessageClose.COMPLETE);
              assertThat(r.clientIp()).isEqualTo("203.0.113.9");
              assertThat(r.leftForForeignDomain()).isTrue();
            });
  }

  @Test
  void shouldCloseTheOldMessageWhenItsQueueIdIsReusedForAnotherClient() {
    PostfixQueue m = message("4F3B21C0A1");
    log(m.at(1).client(1, "203.0.113.1"), m.at(2).client(2, "203.0.113.2"), m.at(3).removed());

    assertThat(closed)
        .extracting(MessageRecord::clientIp)
        .containsExactly("203.0.113.1", "203.0.113.2");
    assertThat(closed)
        .extracting(MessageRecord::closedBy)
        .containsExactly(MessageClose.TIMEOUT, MessageClose.COMPLETE);
  }

  @Test
  void shouldBoundEveryListWhateverTheSenderSprays() {
    PostfixQueue m = message("5PRXY00001");
    log(m.at(1).client(1, "203.0.113.1"));
    Random random = new Random(9);
    for (int i = 0; i < 500; i++) {
      log(m.at(2).delivered("r" + i + "@d" + random.nextInt(1_000_000) + ".example", "sent"));
    }
    log(m.at(3).removed());

    MessageRecord r = closed.get(0);
    assertThat(r.recipientDomains()).hasSize(OpenMessage.MAX_DOMAINS);
    assertThat(r.recipients()).isEqualTo(500);
    assertThat(r.sampleLines()).hasSize(MessageRecord.MAX_SAMPLE_LINES);
  }

  @Test
  void shouldEvictTheQuieterHalfWhenTooManyMessagesAreOpen() {
    List<MessageRecord> evicted = new ArrayList<>();
    MessageJoin small = MessageJoin.inMemory(CONFIG, 4, (r, t) -> evicted.add(r));
    for (int i = 0; i < 5; i++) {
      String line = message(String.format("ABCDE%05d", i)).at(i).client(1, "203.0.113.1");
      small.accept(((ParseResult.Parsed) PARSER.parse(line, SHIPPED)).event());
    }
    assertThat(evicted)
        .extracting(MessageRecord::queueId)
        .containsExactly("ABCDE00000", "ABCDE00001");
  }
}
