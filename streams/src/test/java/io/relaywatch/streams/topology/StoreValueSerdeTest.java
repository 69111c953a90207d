package io.relaywatch.streams.topology;

import static io.relaywatch.streams.topology.PostfixQueue.message;
import static io.relaywatch.streams.topology.Smtpd.smtpd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Json;
import io.relaywatch.events.JsonSerde;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RejectReason;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The fold stores' binary values read back field for field, and the older JSON still read. */
class StoreValueSerdeTest {
  private static final MailLogParser PARSER = MailLogParser.create(ZoneOffset.UTC);
  private static final Instant SHIPPED = Instant.parse("2026-11-28T12:00:00Z");
  private static final MessageConfig CONFIG =
      new MessageConfig(
          Duration.ofMinutes(10),
          Duration.ofMinutes(1),
          List.of("example.com"),
          InternalNetworks.defaults());
  private static final String[] USERS = {"alice", "bob", "ädmin", null};
  private static final String[] STATUSES = {"sent", "deferred", "bounced"};

  private final StoreValueSerde<OpenSession> sessions = StoreValueSerde.sessions();
  private final StoreValueSerde<OpenMessage> messages = StoreValueSerde.messages();

  @Test
  void shouldReadBackEveryFieldOfRandomOpenSessions() throws Exception {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      OpenSession session = randomSession(random);
      OpenSession back = roundTrip(sessions, session);
      assertThat(json(back)).isEqualTo(json(session));
    }
  }

  @Test
  void shouldReadBackEveryFieldOfRandomOpenMessages() throws Exception {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      OpenMessage message = randomMessage(random);
      OpenMessage back = roundTrip(messages, message);
      assertThat(json(back)).isEqualTo(json(message));
    }
  }

  @Test
  void shouldStillReadTheJsonAnOlderVersionStored() throws Exception {
    Random random = new Random(3);
    OpenSession session = randomSession(random);
    byte[] old = new JsonSerde<>(OpenSession.class).serializer().serialize("t", session);
    assertThat(json(sessions.deserializer().deserialize("t", old))).isEqualTo(json(session));
    OpenMessage message = randomMessage(random);
    byte[] oldMessage = new JsonSerde<>(OpenMessage.class).serializer().serialize("t", message);
    assertThat(json(messages.deserializer().deserialize("t", oldMessage))).isEqualTo(json(message));
  }

  @Test
  void shouldRefuseBytesOfAnUnknownFormat() {
    assertThatThrownBy(() -> sessions.deserializer().deserialize("t", new byte[] {9, 1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("OpenSession of format 1");
  }

  private OpenSession randomSession(Random random) {
    Smtpd smtpd = smtpd(1000 + random.nextInt(100), "192.0.2." + random.nextInt(255));
    OpenSession session = OpenSession.startedBy(smtpd.at(0).relayDenied(), 0);
    int lines = random.nextInt(15);
    for (int i = 1; i <= lines; i++) {
      smtpd.at(i);
      MailEvent event =
          switch (random.nextInt(4)) {
            case 0 -> smtpd.authFailed(USERS[random.nextInt(USERS.length)]);
            case 1 -> smtpd.login(USERS[random.nextInt(3)]);
            case 2 -> smtpd.relayDenied();
            default -> smtpd.reject(RejectReason.values()[random.nextInt(3)]);
          };
      session.add(event, i * 1000L);
    }
    return session;
  }

  private OpenMessage randomMessage(Random random) {
    PostfixQueue queue = message(String.format("%010X", random.nextInt(1 << 30)));
    String first =
        random.nextBoolean()
            ? queue.at(0).client(1234, "203.0.113." + random.nextInt(255))
            : queue.at(0).authenticatedClient(1234, "198.51.100.9", "alice");
    OpenMessage message = OpenMessage.startedBy(event(first), 0);
    message.add(event(first), 0, CONFIG);
    message.add(event(queue.at(1).queued("x" + random.nextInt(9) + "@example.org")), 1000, CONFIG);
    int deliveries = random.nextInt(130);
    for (int i = 0; i < deliveries; i++) {
      String to = "u" + random.nextInt(200) + "@d" + random.nextInt(30) + ".example";
      String status = STATUSES[random.nextInt(STATUSES.length)];
      message.add(event(queue.at(2 + i / 60).delivered(to, status)), 2000L + i, CONFIG);
    }
    return message;
  }

  private static MailEvent event(String line) {
    if (PARSER.parse(line, SHIPPED) instanceof ParseResult.Parsed parsed) {
      return parsed.event();
    }
    throw new AssertionError("not parsed: " + line);
  }

  private static <T> T roundTrip(StoreValueSerde<T> serde, T value) {
    byte[] bytes = serde.serializer().serialize("t", value);
    assertThat(bytes[0]).isEqualTo((byte) 1);
    return serde.deserializer().deserialize("t", bytes);
  }

  private static String json(Object value) throws Exception {
    return Json.mapper().writeValueAsString(value);
  }
}
