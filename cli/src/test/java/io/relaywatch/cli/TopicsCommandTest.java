package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TopicsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Main())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void shouldListTheCatalogueWithoutKafka() {
    assertThat(run("topics", "--list")).isEqualTo(0);

    assertThat(out.toString().lines().map(l -> l.split("\t")[0]))
        .containsExactlyElementsOf(Topics.ALL.stream().map(t -> t.name()).toList());
    assertThat(out.toString()).contains("relaywatch.alerts\tcompact,delete");
  }

  @Test
  void shouldRefuseAZeroPartitionCount() {
    assertThat(run("topics", "--bootstrap-servers", "127.0.0.1:1", "--partitions", "0"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--partitions: '0' is not valid; expected 1 or more");
  }

  @Test
  void shouldNameTheMissingBootstrapServersSetting() {
    assertThat(run("topics")).isEqualTo(2);
    assertThat(err.toString()).contains("kafka.bootstrapServers is required");
  }
}
