package io.relaywatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit interval: 100 ms unless configured, passed to Streams, validated at start-up. */
class StreamsAppConfigCommitTest {
  @TempDir Path dir;

  private StreamsAppConfig config(Map<String, String> extra) {
    Map<String, String> flags = new HashMap<>(extra);
    flags.put("kafka.bootstrapServers", "127.0.0.1:9092");
    flags.put("streams.stateDir", dir.toString());
    return StreamsAppConfig.from(Settings.load(null, Map.of(), flags), Map.of());
  }

  private static Object commitIntervalOf(StreamsAppConfig config) {
    return StreamsApp.properties(config, new HostInfo("127.0.0.1", 9612))
        .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
  }

  @Test
  void shouldCommitEveryHundredMillisecondsByDefault() {
    assertThat(commitIntervalOf(config(Map.of()))).isEqualTo(100L);
  }

  @Test
  void shouldPassAConfiguredCommitIntervalToStreams() {
    assertThat(commitIntervalOf(config(Map.of("streams.commitInterval", "1s")))).isEqualTo(1000L);
  }

  @Test
  void shouldRefuseACommitIntervalOutsideTenMillisecondsToAMinute() {
    assertThatThrownBy(() -> config(Map.of("streams.commitInterval", "5ms")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "streams.commitInterval: 'PT0.005S' is not valid; expected a duration from 10ms to 1m,"
                + " e.g. 500ms");
  }
}
