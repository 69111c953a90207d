package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void shouldGiveEveryTopicAUniqueNameInTheRelaywatchNamespace() {
    assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates();
    assertThat(Topics.ALL).allSatisfy(t -> assertThat(t.name()).startsWith("relaywatch."));
  }

  @Test
  void shouldFindTopicsByName() {
    assertThat(Topics.byName("relaywatch.events")).contains(Topics.EVENTS);
    assertThat(Topics.byName("nope")).isEmpty();
  }
}
