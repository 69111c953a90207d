package io.relaywatch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {

  @Test
  void shouldTakeTheFirstCpuModelAndTheTotalMemory() {
    List<String> cpuinfo =
        List.of("processor\t: 0", "model name\t: AMD EPYC 7B13", "model name\t: other");

    assertThat(Machine.cpuModel(cpuinfo)).isEqualTo("AMD EPYC 7B13");
    assertThat(Machine.ramMb(List.of("MemFree: 1 kB", "MemTotal:       24576000 kB")))
        .isEqualTo(24_000);
    assertThat(Machine.loadOf("3.10 2.05 1.00 2/345 6789\n")).isEqualTo("3.10 2.05 1.00");
  }

  @Test
  void shouldSayUnknownWhenProcIsMissing() {
    assertThat(Machine.cpuModel(List.of())).isEqualTo("unknown");
    assertThat(Machine.ramMb(List.of())).isEqualTo(-1);
  }
}
