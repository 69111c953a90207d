package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.config.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionConfigTest {
  @Test
  void shouldDefaultToTenMinutesCheckedEveryMinute() {
    assertThat(SessionConfig.defaults())
        .isEqualTo(new SessionConfig(Duration.ofMinutes(10), Duration.ofMinutes(1)));
  }

  @Test
  void shouldCheckAShortTimeoutATenthAsOften() {
    assertThat(SessionConfig.withTimeout(Duration.ofMinutes(2)).scanInterval())
        .isEqualTo(Duration.ofSeconds(12));
    assertThat(SessionConfig.withTimeout(Duration.ofHours(1)).scanInterval())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void shouldNameTheKeyOfANonPositiveTimeout() {
    assertThatThrownBy(() -> SessionConfig.withTimeout(Duration.ZERO))
        .isInstanceOf(ConfigException.class)
        .hasMessage("sessions.timeout: 'PT0S' is not valid; expected a positive duration");
  }

  @Test
  void shouldRefuseAScanIntervalLongerThanTheTimeout() {
    assertThatThrownBy(() -> new SessionConfig(Duration.ofMinutes(1), Duration.ofMinutes(2)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "sessions.scanInterval: 'PT2M' is not valid; expected a positive duration no longer"
                + " than sessions.timeout (PT1M)");
  }
}
