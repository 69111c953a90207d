package io.relaywatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task idling: off by default (every task reads one partition), overridable like any property. */
class StreamsAppTaskIdleTest {
  @TempDir Path dir;

  private Object taskIdleOf(Map<String, String> env) {
    Map<String, String> flags = new HashMap<>();
    flags.put("kafka.bootstrapServers", "127.0.0.1:9092");
    flags.put("streams.stateDir", dir.toString());
    StreamsAppConfig config = StreamsAppConfig.from(Settings.load(null, Map.of(), flags), env);
    return StreamsApp.properties(config, new HostInfo("127.0.0.1", 9612))
        .get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG);
  }

  @Test
  void shouldNotIdleTasksByDefault() {
    assertThat(taskIdleOf(Map.of())).isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
  }

  @Test
  void shouldLetAKafkaVariableTurnIdlingBackOn() {
    assertThat(taskIdleOf(Map.of("KAFKA_MAX_TASK_IDLE_MS", "0"))).isEqualTo("0");
  }
}
