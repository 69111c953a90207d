package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void shouldGiveEveryTopicAUniqueNameInTheRelaywatchNamespace() {
    assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates();
    assertThat(Topics.ALL).allSatisfy(t -> assertThat(t.name()).startsWith("relaywatch."));
  }

  @Test
  void shouldForgetOnlyQuietAlertKeysAndKeepEveryShipperCheckpoint() {
    assertThat(Topics.ALERTS.cleanupPolicy()).isEqualTo("compact,delete");
    assertThat(TopicCreator.configs(Topics.ALERTS))
        .containsEntry("retention.ms", String.valueOf(Duration.ofDays(7).toMillis()));
    assertThat(Topics.SHIP_CHECKPOINTS.cleanupPolicy()).isEqualTo("compact");
    assertThat(TopicCreator.configs(Topics.SHIP_CHECKPOINTS)).doesNotContainKey("retention.ms");
    assertThat(Topics.RAW_LINES.cleanupPolicy()).isEqualTo("delete");
  }

  @Test
  void shouldFindTopicsByName() {
    assertThat(Topics.byName("relaywatch.events")).contains(Topics.EVENTS);
    assertThat(Topics.byName("nope")).isEmpty();
  }
}
