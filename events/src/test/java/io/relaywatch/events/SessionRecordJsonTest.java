package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionRecordJsonTest {
  private static final JsonSerde<SessionRecord> SERDE = new JsonSerde<>(SessionRecord.class);

  private static SessionRecord authenticatedButDenied() {
    return new SessionRecord(
        "mx1",
        "postfix/submission/smtpd",
        5555,
        "submission",
        "2001:db8::1",
        "laptop.example.net",
        OffsetDateTime.parse("2026-11-03T10:33:27+01:00"),
        OffsetDateTime.parse("2026-11-03T10:33:29+01:00"),
        SessionClose.DISCONNECT,
        AuthOutcome.SUCCEEDED,
        null,
        2,
        1,
        List.of("bob"),
        Map.of(RejectReason.RELAY_DENIED, 2, RejectReason.OTHER, 1),
        true,
        Map.of("auth", new CommandCount(1, 2)));
  }

  @Test
  void shouldRoundTripASessionThroughTheTopicSerde() {
    SessionRecord session = authenticatedButDenied();

    byte[] bytes = SERDE.serializer().serialize("t", session);

    assertThat(SERDE.deserializer().deserialize("t", bytes)).isEqualTo(session);
  }

  @Test
  void shouldWriteWireNamesForOutcomeCloseAndRejectReasons() throws Exception {
    JsonNode json =
        Json.mapper().readTree(SERDE.serializer().serialize("t", authenticatedButDenied()));

    assertThat(json.get("authOutcome").asText()).isEqualTo("succeeded");
    assertThat(json.get("closedBy").asText()).isEqualTo("disconnect");
    assertThat(json.get("rejects").get("relay_denied").asInt()).isEqualTo(2);
    assertThat(json.get("start").asText()).isEqualTo("2026-11-03T10:33:27+01:00");
    assertThat(json.get("commands").get("auth").get("ok").asInt()).isEqualTo(1);
    assertThat(json.get("saslUsername").isNull()).isTrue();
  }

  @Test
  void shouldDeriveAuthenticatedFromTheOutcome() throws Exception {
    JsonNode json =
        Json.mapper().readTree(SERDE.serializer().serialize("t", authenticatedButDenied()));

    assertThat(json.get("authenticated").asBoolean()).isTrue();
    assertThat(authenticatedButDenied().rejectCount()).isEqualTo(3);
  }

  @Test
  void shouldRefuseMoreFailuresThanAttempts() {
    SessionRecord s = authenticatedButDenied();
    assertThatThrownBy(
            () ->
                new SessionRecord(
                    s.host(),
                    s.program(),
                    s.pid(),
                    s.service(),
                    s.clientIp(),
                    s.clientHost(),
                    s.start(),
                    s.end(),
                    s.closedBy(),
                    s.authOutcome(),
                    s.saslUsername(),
                    1,
                    2,
                    s.failedUsernames(),
                    s.rejects(),
                    s.relayDenied(),
                    s.commands()))
        .hasMessageContaining("auth failures 2 of 1 attempts");
  }

  @Test
  void shouldNotShareTheCallersCollections() {
    List<String> names = new ArrayList<>(List.of("bob"));
    SessionRecord s = authenticatedButDenied();
    SessionRecord copy =
        new SessionRecord(
            s.host(),
            s.program(),
            s.pid(),
            s.service(),
            s.clientIp(),
            s.clientHost(),
            s.start(),
            s.end(),
            s.closedBy(),
            s.authOutcome(),
            s.saslUsername(),
            2,
            1,
            names,
            s.rejects(),
            s.relayDenied(),
            s.commands());

    names.add("mallory");

    assertThat(copy.failedUsernames()).containsExactly("bob");
  }
}
