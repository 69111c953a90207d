package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open items kept as objects beside a real (in-memory) Streams store, which stays the truth. */
class StateStoreItemsTest {
  private KeyValueStore<String, String> store;
  private StateStoreItems<String> items;
  private final List<String> evicted = new ArrayList<>();

  @BeforeEach
  void openStore() {
    store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("items"), Serdes.String(), Serdes.String())
            .withLoggingDisabled()
            .build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    items = new StateStoreItems<>(store, Long::parseLong, StateStoreItems.MAX_OPEN, evicted::add);
  }

  @Test
  void shouldWriteEveryChangeToTheStore() {
    items.put("a", "1");
    items.put("a", "2");
    items.put("b", "3");
    items.delete("b");
    assertThat(store.get("a")).isEqualTo("2");
    assertThat(store.get("b")).isNull();
    assertThat(items.get("b")).isNull();
  }

  @Test
  void shouldReadWhatAnEarlierProcessorStoredFromTheStore() {
    store.put("restored", "5");
    store.put("also", "3");
    StateStoreItems<String> restarted =
        new StateStoreItems<>(store, Long::parseLong, StateStoreItems.MAX_OPEN, evicted::add);

    assertThat(restarted.quietSince(5))
        .as("found by the scan before any line asked for them")
        .containsExactly(Map.entry("also", "3"), Map.entry("restored", "5"));
    assertThat(restarted.quietSince(4)).containsExactly(Map.entry("also", "3"));
    assertThat(restarted.get("restored")).isEqualTo("5");
  }

  @Test
  void shouldFindQuietItemsInKeyOrderAmongTheKeyPrefix() {
    items.put("mx2|B", "1");
    items.put("mx1|C", "1");
    items.put("mx1|A", "2");
    items.put("mx1|D", "9");
    items.delete("mx1|C");

    assertThat(items.quietSince("mx1|", 5)).containsExactly(Map.entry("mx1|A", "2"));
    assertThat(items.quietSince(Long.MAX_VALUE))
        .extracting(Map.Entry::getKey)
        .containsExactly("mx1|A", "mx1|D", "mx2|B");
  }

  @Test
  void shouldStillFindEveryQuietItemOnceMoreAreOpenThanKept() {
    for (int i = 0; i < StateStoreItems.MAX_KEPT + 10; i++) {
      items.put(String.format("k%06d", i), i < 5 ? "1" : "100");
    }

    assertThat(items.quietSince(1))
        .extracting(Map.Entry::getKey)
        .containsExactly("k000000", "k000001", "k000002", "k000003", "k000004");
    assertThat(items.quietSince(Long.MAX_VALUE)).hasSize(StateStoreItems.MAX_KEPT + 10);
  }

  @Test
  void shouldHandBackTheKeptObjectInsteadOfReadingTheStoreAgain() {
    String value = new String("7");
    items.put("a", value);
    assertThat(items.get("a")).isSameAs(value);
  }

  @Test
  void shouldKeepNoMoreThanTheLimitAndReadTheRestFromTheStore() {
    for (int i = 0; i < StateStoreItems.MAX_KEPT; i++) {
      items.put("k" + i, "1");
    }
    String beyond = new String("2");
    items.put("beyond", beyond);
    assertThat(items.get("beyond")).isEqualTo("2").isNotSameAs(beyond);
    String kept = new String("3");
    items.put("k0", kept);
    assertThat(items.get("k0")).isSameAs(kept);
  }

  @Test
  void shouldCloseTheQuieterHalfWhenTooManyItemsAreOpen() {
    StateStoreItems<String> bounded =
        new StateStoreItems<>(store, Long::parseLong, 4, evicted::add);
    bounded.put("a", "40");
    bounded.put("b", "10");
    bounded.put("c", "30");
    bounded.put("d", "20");
    bounded.put("d", "25");
    assertThat(evicted).as("an open item updated: nothing evicted").isEmpty();

    bounded.put("e", "50");

    assertThat(evicted).containsExactly("10", "25");
    assertThat(bounded.evicted()).isEqualTo(2);
    assertThat(bounded.quietSince(Long.MAX_VALUE))
        .extracting(Map.Entry::getKey)
        .containsExactly("a", "c", "e");
  }
}
