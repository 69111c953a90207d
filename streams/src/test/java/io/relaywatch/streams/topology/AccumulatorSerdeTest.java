package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.events.EventType;
import io.relaywatch.events.JsonSerde;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RejectAction;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.RelayDenialAggregate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class AccumulatorSerdeTest {
  private static final String TOPIC = "x-relay-denials-1h-store-changelog";
  private static final Instant WINDOW = Instant.parse("2026-11-03T10:00:00Z");
  private static final AggregationConfig CONFIG =
      new AggregationConfig(
          List.of(Duration.ofHours(1)), Duration.ofDays(1), List.of("example.org"), 50, 5);
  private final Serde<RelayDenialAccumulator> serde = StoreValueSerde.accumulators();

  @Test
  void shouldReadBackTotalsExactAndEstimated() {
    Random random = new Random(20261128L);
    for (int run = 0; run < 200; run++) {
      RelayDenialAccumulator totals = new RelayDenialAccumulator();
      // Up to 120 denials over up to 200 domains: past the cap of 50 the counts are sketches.
      for (int i = random.nextInt(120); i >= 0; i--) {
        totals.add(denial(random), CONFIG);
      }

      RelayDenialAccumulator back = roundTrip(totals);

      assertThat(aggregate(back)).isEqualTo(aggregate(totals));
      // Counting goes on from the restored state as from the original.
      MailEvent next = denial(random);
      assertThat(aggregate(back.add(next, CONFIG))).isEqualTo(aggregate(totals.add(next, CONFIG)));
    }
  }

  @Test
  void shouldReadTheJsonAnOlderVersionStored() {
    RelayDenialAccumulator totals = new RelayDenialAccumulator();
    Random random = new Random(5);
    for (int i = 0; i < 80; i++) {
      totals.add(denial(random), CONFIG);
    }
    byte[] json =
        new JsonSerde<>(RelayDenialAccumulator.class).serializer().serialize(TOPIC, totals);

    assertThat(aggregate(serde.deserializer().deserialize(TOPIC, json)))
        .isEqualTo(aggregate(totals));
  }

  @Test
  void shouldRejectAnUnknownFormat() {
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {7, 0}))
        .isInstanceOf(SerializationException.class);
  }

  private RelayDenialAccumulator roundTrip(RelayDenialAccumulator totals) {
    return serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, totals));
  }

  private static RelayDenialAggregate aggregate(RelayDenialAccumulator totals) {
    return totals.toAggregate("192.0.2.7", WINDOW, Duration.ofHours(1));
  }

  private static MailEvent denial(Random r) {
    String domain = "d" + r.nextInt(200) + ".example";
    String sender =
        r.nextInt(5) == 0
            ? ""
            : "s" + r.nextInt(80) + "@example." + (r.nextBoolean() ? "org" : "net");
    return MailEvent.builder(EventType.REJECT)
        .timestamp(
            OffsetDateTime.ofInstant(
                WINDOW.plusSeconds(r.nextInt(3600)), ZoneOffset.ofHours(r.nextInt(3))))
        .action(RejectAction.REJECT)
        .reason(RejectReason.RELAY_DENIED)
        .clientIp("192.0.2.7")
        .host("mx" + r.nextInt(8))
        .service(r.nextBoolean() ? "smtpd" : "submission")
        .smtpCode(r.nextBoolean() ? 554 : 454)
        .recipientDomain(r.nextInt(10) == 0 ? null : domain)
        .sender(sender)
        .raw("line " + r.nextInt())
        .build();
  }
}
