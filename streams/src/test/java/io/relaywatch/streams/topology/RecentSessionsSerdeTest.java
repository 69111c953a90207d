package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.CommandCount;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class RecentSessionsSerdeTest {
  private static final String TOPIC = "x-recent-session-slots-changelog";
  private final Serde<SessionRecord> sessions = StoreValueSerde.recentSession();
  private final Serde<SessionSlots> slots = StoreValueSerde.sessionSlots();

  @Test
  void shouldReadBackRandomSessions() {
    Random random = new Random(20261128L);
    for (int run = 0; run < 500; run++) {
      SessionRecord session = session(random);

      byte[] bytes = sessions.serializer().serialize(TOPIC, session);

      assertThat(sessions.deserializer().deserialize(TOPIC, bytes)).isEqualTo(session);
    }
  }

  @Test
  void shouldReadBackRandomSlotIndexes() {
    Random random = new Random(11);
    for (int run = 0; run < 200; run++) {
      SessionSlots index = SessionSlots.empty();
      for (int i = random.nextInt(3 * RecentSessions.LIMIT); i > 0; i--) {
        long end = random.nextLong();
        index = index.with(index.slotFor(end), end, random.nextLong());
      }

      byte[] bytes = slots.serializer().serialize(TOPIC, index);

      assertThat(slots.deserializer().deserialize(TOPIC, bytes)).isEqualTo(index);
    }
  }

  private static SessionRecord session(Random r) {
    OffsetDateTime start =
        OffsetDateTime.ofInstant(
            Instant.ofEpochSecond(
                1_700_000_000L + r.nextInt(100_000_000), r.nextInt(1_000_000_000)),
            ZoneOffset.ofHours(r.nextInt(25) - 12));
    int attempts = r.nextInt(5);
    Map<RejectReason, Integer> rejects = new HashMap<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      rejects.put(RejectReason.values()[r.nextInt(RejectReason.values().length)], r.nextInt(9));
    }
    Map<String, CommandCount> commands = new LinkedHashMap<>();
    commands.put("rcpt", new CommandCount(0, r.nextInt(4)));
    return new SessionRecord(
        "mx" + r.nextInt(3),
        r.nextBoolean() ? "postfix/smtpd" : null,
        r.nextBoolean() ? r.nextInt(99999) : null,
        "smtpd",
        "192.0.2." + r.nextInt(255),
        r.nextBoolean() ? "unknown" : "häst.example",
        start,
        start.plusSeconds(r.nextInt(600)),
        SessionClose.values()[r.nextInt(SessionClose.values().length)],
        AuthOutcome.values()[r.nextInt(AuthOutcome.values().length)],
        r.nextBoolean() ? "user" + r.nextInt(9) : null,
        attempts,
        r.nextInt(attempts + 1),
        r.nextBoolean() ? List.of("a", "b" + r.nextInt(3)) : List.of(),
        rejects,
        r.nextBoolean(),
        r.nextBoolean() ? commands : null);
  }
}
