package io.relaywatch.streams.topology;

import static io.relaywatch.streams.topology.PostfixQueue.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.MessageClose;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.events.Topics;
import io.relaywatch.streams.parse.MailLogParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw lines through the whole topology to relaywatch.messages, including a real Postfix log. */
class MessageTopologyTest {
  private static final Instant SHIPPED = Instant.parse("2026-11-28T12:00:03Z");

  @TempDir Path stateDir;
  private final CollectorRegistry registry = new CollectorRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, MessageRecord> messages;

  @BeforeEach
  void start() {
    Properties props = TestDrivers.properties("relaywatch-test", stateDir);
    driver =
        new TopologyTestDriver(
            RelaywatchTopology.build(
                MailLogParser.create(ZoneOffset.UTC),
                new StreamsMetrics(registry),
                AggregationConfig.DEFAULTS,
                SessionConfig.defaults(),
                new MessageConfig(
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(1),
                    List.of("example.test"),
                    InternalNetworks.of(List.of("127.0.0.0/8")))),
            props);
    raw = TestDrivers.input(driver, Topics.RAW_LINES);
    messages = TestDrivers.output(driver, Topics.MESSAGES);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void ship(String... lines) {
    for (String line : lines) {
      raw.pipeInput("mx1", line.getBytes(StandardCharsets.UTF_8), SHIPPED);
    }
  }

  @Test
  void shouldJoinAShippedOpenRelaySequenceIntoOneMessage() {
    PostfixQueue m = message("4F3B21C0A1");
    ship(
        m.at(1).client(1234, "203.0.113.7"),
        m.at(2).queued("spam@example.org"),
        m.at(3).delivered("victim@victim.example", "sent"),
        m.at(3).removed());

    List<KeyValue<String, MessageRecord>> out = messages.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.key).containsExactly("203.0.113.7");
    assertThat(out.get(0).value.leftForForeignDomain()).isTrue();
    assertThat(out.get(0).value.closedBy()).isEqualTo(MessageClose.COMPLETE);
    assertThat(
            registry.getSampleValue(
                "relaywatch_streams_messages_total",
                new String[] {"network", "authenticated", "outcome"},
                new String[] {"external", "false", "sent"}))
        .isEqualTo(1.0);
  }

  @Test
  void shouldJoinTheMessagesOfTheRealPostfixCapture() {
    for (String line : mailLog()) {
      ship(line);
    }

    Map<String, MessageRecord> byClient =
        messages.readKeyValuesToList().stream()
            .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
    assertThat(byClient).containsOnlyKeys("127.0.0.40", "127.0.0.9", "127.0.0.1");
    MessageRecord alice = byClient.get("127.0.0.40");
    assertThat(alice.authenticated()).isTrue();
    assertThat(alice.saslUsername()).isEqualTo("alice");
    assertThat(alice.sender()).isEqualTo("alice@example.test");
    assertThat(alice.recipientDomains()).containsExactly("outside.example");
    assertThat(alice.leftForForeignDomain()).isTrue();
    assertThat(alice.queueId()).isEqualTo("7C75E16E06A");
    assertThat(byClient.get("127.0.0.9").leftForForeignDomain()).isFalse();
    assertThat(byClient.get("127.0.0.1").authenticated()).isFalse();
    assertThat(byClient.values()).allMatch(r -> r.closedBy() == MessageClose.COMPLETE);
  }

  private static List<String> mailLog() {
    String name = "/fixtures/postfix-real/mail.log";
    try (InputStream in = MessageTopologyTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
