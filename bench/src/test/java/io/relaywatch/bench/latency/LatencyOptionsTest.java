package io.relaywatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyOptionsTest {
  @Test
  void shouldDefaultToNinetySecondsOfProbesAtFiveThousandLinesASecond() {
    LatencyOptions options = LatencyOptions.parse();

    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(options.rate()).isEqualTo(5000);
    assertThat(options.probes()).isEqualTo(30);
    assertThat(options.probeSpacing()).isZero();
  }

  @Test
  void shouldReadDurationsInSecondsMinutesAndMilliseconds() {
    LatencyOptions options =
        LatencyOptions.parse(
            "--duration",
            "2m",
            "--warm-up",
            "20s",
            "--probe-spacing",
            "400ms",
            "--pipeline-java-opts",
            " -Xmx1g  -XX:+UseSerialGC ");

    assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.probeSpacing()).isEqualTo(Duration.ofMillis(400));
    assertThat(options.pipelineJavaOptions()).isEqualTo(List.of("-Xmx1g", "-XX:+UseSerialGC"));
  }

  @Test
  void shouldNameTheOptionAndTheBadValue() {
    assertThatThrownBy(() -> LatencyOptions.parse("--duration", "soon"))
        .hasMessage("--duration needs a positive duration such as 90s or 2m, got 'soon'");
    assertThatThrownBy(() -> LatencyOptions.parse("--rate", "0"))
        .hasMessage("--rate must be at least 1, got 0");
    assertThatThrownBy(() -> LatencyOptions.parse("--probes")).hasMessage("--probes needs a value");
    assertThatThrownBy(() -> LatencyOptions.parse("--colour", "red"))
        .hasMessage("unknown option '--colour'");
  }
}
