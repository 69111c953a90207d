package io.relaywatch.streams.query;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.events.Topics;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.topology.AggregationConfig;
import io.relaywatch.streams.topology.RelayDenialAccumulator;
import io.relaywatch.streams.topology.RelaywatchTopology;
import io.relaywatch.streams.topology.SessionConfig;
import io.relaywatch.streams.topology.StreamsMetrics;
import io.relaywatch.streams.topology.TestDrivers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** The whole topology in a TopologyTestDriver, its stores exposed as {@link LocalQueries}. */
public final class StoreDriver implements AutoCloseable {
  static final Instant SHIPPED = Instant.parse("2026-11-03T12:00:00Z");

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> raw;
  private int pid = 100;

  public StoreDriver(Path stateDir) {
    Properties props = TestDrivers.properties("query-test", stateDir);
    driver =
        new TopologyTestDriver(
            RelaywatchTopology.build(
                MailLogParser.create(ZoneOffset.UTC),
                new StreamsMetrics(new CollectorRegistry()),
                AggregationConfig.DEFAULTS,
                SessionConfig.defaults()),
            props);
    raw = TestDrivers.input(driver, Topics.RAW_LINES);
  }

  /** One smtpd session of the client at the time ({@code HH:mm:ss} on Nov 3) with n denials. */
  public StoreDriver session(String ip, String time, int denials) {
    return session(3, ip, time, denials);
  }

  /** The same on another day of November 2026 (shipped at noon that day). */
  public StoreDriver session(int day, String ip, String time, int denials) {
    pid++;
    for (int i = 0; i < denials; i++) {
      ship(
          day,
          time
              + " mx1 postfix/smtpd["
              + pid
              + "]: NOQUEUE: reject: RCPT from unknown["
              + ip
              + "]: 554 5.7.1 <a@d"
              + i
              + ".example>: Relay access denied; from=<x@example.net> to=<a@d"
              + i
              + ".example> proto=ESMTP helo=<probe>");
    }
    ship(
        day,
        time
            + " mx1 postfix/smtpd["
            + pid
            + "]: disconnect from unknown["
            + ip
            + "] ehlo=1 mail=1 rcpt=0/"
            + denials
            + " quit=1 commands=3/"
            + (denials + 3));
    return this;
  }

  private void ship(int day, String line) {
    raw.pipeInput(
        "mx1",
        String.format("Nov %2d %s", day, line).getBytes(StandardCharsets.UTF_8),
        SHIPPED.plus(Duration.ofDays(day - 3)));
  }

  public LocalQueries queries() {
    return new LocalQueries(
        stores(), AggregationConfig.DEFAULTS.windowSizes(), InternalNetworks.defaults());
  }

  public LocalQueries.Stores stores() {
    return new LocalQueries.Stores() {
      @Override
      public ReadOnlyWindowStore<String, RelayDenialAccumulator> windows(String name) {
        return driver.getWindowStore(name);
      }

      @Override
      public ReadOnlyKeyValueStore<String, SessionRecord> sessions(String name) {
        return driver.getKeyValueStore(name);
      }
    };
  }

  @Override
  public void close() {
    driver.close();
  }
}
