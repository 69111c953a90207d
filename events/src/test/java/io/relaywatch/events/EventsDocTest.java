package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/events.md documents the contract; it must name every topic, event type and reason. */
class EventsDocTest {
  private static String doc() throws IOException {
    return Files.readString(Path.of("..", "docs", "events.md"));
  }

  @Test
  void shouldDocumentEveryTopicOfTheCatalogueWithItsKey() throws IOException {
    String doc = doc();
    assertThat(Topics.ALL)
        .allSatisfy(t -> assertThat(doc).contains("| `" + t.name() + "` | " + t.key()));
  }

  @Test
  void shouldDocumentEveryEventTypeAndReason() throws IOException {
    String doc = doc();
    for (EventType type : EventType.values()) {
      assertThat(doc).contains("| `" + type.wireName() + "` |");
    }
    for (RejectReason reason : RejectReason.values()) {
      assertThat(doc).contains("| `" + reason.wireName() + "` |");
    }
  }

  @Test
  void shouldDocumentEverySessionFieldOutcomeAndClose() throws IOException {
    String doc = doc();
    String[] fields = SessionRecord.class.getAnnotation(JsonPropertyOrder.class).value();
    assertThat(fields).allSatisfy(f -> assertThat(doc).contains("`" + f + "`"));
    for (AuthOutcome outcome : AuthOutcome.values()) {
      assertThat(doc).contains("`" + outcome.wireName() + "`");
    }
    for (SessionClose close : SessionClose.values()) {
      assertThat(doc).contains("`" + close.wireName() + "`");
    }
  }

  @Test
  void shouldDocumentEveryMessageFieldOutcomeAndClose() throws IOException {
    String doc = doc();
    String[] fields = MessageRecord.class.getAnnotation(JsonPropertyOrder.class).value();
    assertThat(fields).allSatisfy(f -> assertThat(doc).contains("`" + f + "`"));
    for (MessageOutcome outcome : MessageOutcome.values()) {
      assertThat(doc).contains("`" + outcome.wireName() + "`");
    }
    for (MessageClose close : MessageClose.values()) {
      assertThat(doc).contains("`" + close.wireName() + "`");
    }
  }
}
