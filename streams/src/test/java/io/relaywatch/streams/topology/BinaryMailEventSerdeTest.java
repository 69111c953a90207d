package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.events.CommandCount;
import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;
import io.relaywatch.events.RejectAction;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.Topics;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BinaryMailEventSerdeTest {
  private static final String TOPIC = "x-relay-denials-by-ip-repartition";
  private final BinaryMailEventSerde serde = new BinaryMailEventSerde();

  @Test
  void shouldReadBackEveryFieldOfRandomEvents() {
    Random random = new Random(20261128L);
    for (int i = 0; i < 2_000; i++) {
      MailEvent event = randomEvent(random);

      byte[] bytes = serde.serializer().serialize(TOPIC, event);

      assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(event);
    }
  }

  @Test
  void shouldBeSmallerThanTheJson() {
    MailEvent event = randomEvent(new Random(7));

    assertThat(serde.serializer().serialize(TOPIC, event).length)
        .isLessThan(Topics.EVENTS.valueSerde().serializer().serialize(TOPIC, event).length);
  }

  @Test
  void shouldReadJsonLeftInTheTopicByAnOlderVersion() {
    MailEvent event = randomEvent(new Random(11));
    byte[] json = Topics.EVENTS.valueSerde().serializer().serialize(TOPIC, event);

    assertThat(serde.deserializer().deserialize(TOPIC, json)).isEqualTo(event);
  }

  @Test
  void shouldRejectTruncatedRecords() {
    byte[] bytes = serde.serializer().serialize(TOPIC, randomEvent(new Random(3)));

    assertThatThrownBy(
            () -> serde.deserializer().deserialize(TOPIC, Arrays.copyOf(bytes, bytes.length / 2)))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {9, 1, 2}))
        .isInstanceOf(SerializationException.class);
  }

  private static MailEvent randomEvent(Random r) {
    EventType[] types = EventType.values();
    OffsetDateTime time =
        OffsetDateTime.ofInstant(
            Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000_000)),
            ZoneOffset.ofTotalSeconds((r.nextInt(37) - 18) * 1800));
    return MailEvent.builder(types[r.nextInt(types.length)])
        .timestamp(time)
        .host(text(r))
        .program(text(r))
        .pid(r.nextBoolean() ? null : r.nextInt())
        .mta(pick(r, Mta.values()))
        .instance(text(r))
        .service(text(r))
        .queueId(text(r))
        .action(pick(r, RejectAction.values()))
        .stage(text(r))
        .clientHost(text(r))
        .clientIp(text(r))
        .clientPort(r.nextBoolean() ? null : r.nextInt(65536))
        .smtpCode(r.nextBoolean() ? null : 400 + r.nextInt(200))
        .enhancedCode(text(r))
        .reason(pick(r, RejectReason.values()))
        .message(text(r))
        .sender(text(r))
        .recipient(text(r))
        .recipientDomain(text(r))
        .helo(text(r))
        .proto(text(r))
        .saslMethod(text(r))
        .saslUsername(text(r))
        .commands(r.nextBoolean() ? null : commands(r))
        .raw(text(r) + "x")
        .build();
  }

  private static Map<String, CommandCount> commands(Random r) {
    Map<String, CommandCount> commands = new LinkedHashMap<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      int total = r.nextInt(1000);
      commands.put(text(r) + i, new CommandCount(r.nextInt(total + 1), total));
    }
    return commands;
  }

  private static <T> T pick(Random r, T[] values) {
    return r.nextInt(4) == 0 ? null : values[r.nextInt(values.length)];
  }

  // Null, empty, ASCII, or any code points (surrogate pairs included) up to 300 chars.
  private static String text(Random r) {
    int kind = r.nextInt(5);
    if (kind == 0) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    int length = kind == 1 ? 0 : r.nextInt(300);
    for (int i = 0; i < length; i++) {
      s.appendCodePoint(kind == 2 ? 32 + r.nextInt(95) : randomCodePoint(r));
    }
    return s.toString();
  }

  private static int randomCodePoint(Random r) {
    int cp = r.nextInt(0x110000);
    return Character.isSurrogate((char) cp) || cp >= 0xD800 && cp <= 0xDFFF ? 'a' : cp;
  }
}
