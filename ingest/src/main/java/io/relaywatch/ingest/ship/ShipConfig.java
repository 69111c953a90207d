package io.relaywatch.ingest.ship;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.KafkaEnvironment;
import io.relaywatch.config.Settings;
import io.relaywatch.events.Topics;
import io.relaywatch.ingest.source.JournaldSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code relaywatch ship} is configured with, validated at start-up. Keys, defaults and
 * meanings are listed in docs/shipper.md.
 *
 * @param kafka client properties: bootstrap servers, {@code kafka.properties.*} from the file, then
 *     {@code KAFKA_*} environment variables
 * @param id this shipper's identity: its checkpoints and its transactional id; keep it stable
 * @param host the record key: the mail host name
 * @param compressedGenerations how many {@code <file>.N.gz} a restarted shipper searches for a file
 *     it had not finished when logrotate ran more than once while it was down; 0 turns that off
 */
public record ShipConfig(
    Map<String, Object> kafka,
    String id,
    String host,
    String topic,
    String checkpointTopic,
    List<Path> files,
    List<String> journaldUnits,
    List<String> journaldIdentifiers,
    JournaldSource.Seek journaldSeek,
    String journalctl,
    boolean stdin,
    Path stateDir,
    int maxLineBytes,
    int batchBytes,
    Duration pollInterval,
    Duration partialLineTimeout,
    Duration kafkaTimeout,
    String metricsAddress,
    int metricsPort,
    boolean createTopics,
    int compressedGenerations) {

  public ShipConfig {
    kafka = Map.copyOf(kafka);
    files = List.copyOf(files);
    journaldUnits = List.copyOf(journaldUnits);
    journaldIdentifiers = List.copyOf(journaldIdentifiers);
  }

  public static ShipConfig from(Settings s, Map<String, String> env) {
    String host = s.string("ship.host", localHostName());
    Map<String, Object> kafka = KafkaEnvironment.clientProperties(s, env);
    ShipConfig config =
        new ShipConfig(
            kafka,
            s.string("ship.id", host),
            host,
            s.string("ship.topic", Topics.RAW_LINES.name()),
            s.string("ship.checkpointTopic", Topics.SHIP_CHECKPOINTS.name()),
            s.list("ship.files", List.of()).stream().map(Path::of).toList(),
            journaldMatches(s, "ship.journald.units", "a systemd unit name"),
            journaldMatches(s, "ship.journald.identifiers", "a syslog identifier"),
            seek(s),
            s.string("ship.journald.command", "journalctl"),
            s.bool("ship.stdin", false),
            s.writableDirectory("ship.stateDir", null),
            s.intValue("ship.maxLineBytes", 64 * 1024, 1024, 16 * 1024 * 1024),
            s.intValue("ship.batchBytes", 16 * 1024 * 1024, 64 * 1024, 64 * 1024 * 1024),
            s.duration("ship.pollInterval", Duration.ofMillis(250)),
            s.duration("ship.partialLineTimeout", Duration.ofSeconds(5)),
            s.duration("ship.kafkaTimeout", Duration.ofSeconds(30)),
            s.string("ship.metrics.address", "0.0.0.0"),
            s.intValue("ship.metrics.port", 9611, -1, 65535),
            s.bool("ship.createTopics", true),
            // Debian rotates mail.log weekly and keeps 4: a shipper down for a month still finds
            // the file it was reading.
            s.intValue("ship.compressedGenerations", 4, 0, 100));
    s.rejectUnknownKeys();
    return config.validated();
  }

  /** Whether journald is a source: at least one unit or identifier is configured. */
  public boolean journald() {
    return !journaldUnits.isEmpty() || !journaldIdentifiers.isEmpty();
  }

  private ShipConfig validated() {
    if (files.isEmpty() && !journald() && !stdin) {
      throw new ConfigException(
          "ship.files",
          "no source to ship: set ship.files (--file), ship.journald.units (--journald-unit),"
              + " ship.journald.identifiers (--journald-identifier) or ship.stdin (--stdin)");
    }
    if (stdin && (!files.isEmpty() || journald())) {
      throw new ConfigException(
          "ship.stdin",
          "ship.stdin cannot be combined with files or journald: run one shipper per input");
    }
    return this;
  }

  /**
   * Units and identifiers become journalctl arguments: printable ASCII without spaces, not starting
   * with '-' (never an option), at most 255 characters (systemd's own limit for unit names).
   */
  private static List<String> journaldMatches(Settings s, String key, String what) {
    List<String> values = s.list(key, List.of());
    for (String v : values) {
      if (v.isEmpty() || v.length() > 255 || v.startsWith("-") || !v.matches("[\\x21-\\x7e]+")) {
        throw new ConfigException(
            key,
            key
                + ": '"
                + v.replaceAll("\\p{Cntrl}", "?")
                + "' is not valid; expected "
                + what
                + ": 1 to 255 printable ASCII characters without spaces, not starting with '-'");
      }
    }
    return values;
  }

  private static JournaldSource.Seek seek(Settings s) {
    String seek = s.string("ship.journald.seek", "head");
    return switch (seek) {
      case "head" -> JournaldSource.Seek.HEAD;
      case "tail" -> JournaldSource.Seek.TAIL;
      default ->
          throw new ConfigException(
              "ship.journald.seek",
              "ship.journald.seek: '"
                  + seek.replaceAll("\\p{Cntrl}", "?")
                  + "' is not valid; expected head (read what the journal holds) or tail"
                  + " (only new entries)");
    };
  }

  /** The kernel's host name: never a DNS lookup (which could leave the host or hang). */
  private static String localHostName() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | UnsupportedOperationException e) {
      // not Linux: fall back to the environment
    }
    return System.getenv().getOrDefault("HOSTNAME", "localhost");
  }
}
