package io.relaywatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of the query API and the top-offender gauge. */
class StreamsAppConfigQueryTest {
  @TempDir Path dir;

  private StreamsAppConfig config(Map<String, String> extra) {
    Map<String, String> flags = new HashMap<>(extra);
    flags.put("kafka.bootstrapServers", "127.0.0.1:9092");
    flags.put("streams.stateDir", dir.toString());
    return StreamsAppConfig.from(Settings.load(null, Map.of(), flags), Map.of());
  }

  @Test
  void shouldAdvertiseLoopbackForAWildcardBindAndTheBoundPortByDefault() {
    StreamsAppConfig config = config(Map.of());

    assertThat(config.advertisedHost()).isEqualTo("127.0.0.1");
    assertThat(config.topK()).isEqualTo(10);
    assertThat(StreamsApp.properties(config, StreamsApp.advertised(config, 40123)))
        .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:40123");
  }

  @Test
  void shouldAdvertiseASpecificBindAddressAndAnExplicitHostAndPort() {
    assertThat(config(Map.of("streams.http.address", "10.0.0.4")).advertisedHost())
        .isEqualTo("10.0.0.4");
    StreamsAppConfig config =
        config(
            Map.of(
                "streams.http.advertisedHost", "::1",
                "streams.http.advertisedPort", "9700"));
    assertThat(StreamsApp.properties(config, StreamsApp.advertised(config, 40123)))
        .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "[::1]:9700");
  }

  @Test
  void shouldRefuseATopKAboveTwenty() {
    assertThatThrownBy(() -> config(Map.of("streams.topK", "21")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("streams.topK")
        .hasMessageContaining("expected an integer from 1 to 20");
  }

  @Test
  void shouldRefuseAnInternalNetworkThatIsNotACidr() {
    assertThatThrownBy(() -> config(Map.of("networks.internal", "10.0.0.0/8,office")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("networks.internal: internal network 'office' is not");
  }
}
