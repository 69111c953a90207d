package io.relaywatch.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Entries of the systemd journal, read by {@code journalctl -f -o json} as a child process and
 * turned into the lines {@code journalctl -o short-iso-precise} would print. Each line's event id
 * is the entry's cursor, and the checkpoint is the cursor of the last line returned, so a reopened
 * source continues with {@code --after-cursor} exactly after the last committed entry. A reader
 * thread blocks on a bounded queue (and poll() returns a bounded batch) when the shipper falls
 * behind, which blocks journalctl on its pipe instead of growing memory.
 */
public final class JournaldSource implements LineSource {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where to start without a checkpoint: the oldest entry still stored, or only new ones. */
  public enum Seek {
    HEAD,
    TAIL
  }

  /**
   * How to run journalctl and what to keep.
   *
   * @param command the journalctl executable
   * @param units {@code --unit} matches: entries of any of these units
   * @param identifiers {@code --identifier} matches (SYSLOG_IDENTIFIER): entries with any of these
   *     identifiers; journalctl combines them with the units by AND, so both narrow the selection
   * @param zone the time zone of the reconstructed timestamps
   */
  public record Options(
      String command,
      List<String> units,
      List<String> identifiers,
      Seek seek,
      int maxLineBytes,
      int maxLinesPerPoll,
      int maxBytesPerPoll,
      ZoneId zone) {
    public Options {
      units = List.copyOf(units);
      identifiers = List.copyOf(identifiers);
    }
  }

  private final String name;
  private final List<String> command;
  private final Process process;
  private final StderrTail stderr;
  private final LineQueue queue = new LineQueue();
  private final int maxLines;
  private final int maxBytes;
  private final Thread reader;
  private volatile IOException failure;
  private volatile boolean closed;
  private String cursor;
  private long oversizeLines;

  private JournaldSource(Options options, String cursor) throws IOException {
    this.name = nameOf(options.units(), options.identifiers());
    this.command = command(options, cursor);
    this.cursor = cursor;
    this.maxLines = options.maxLinesPerPoll();
    this.maxBytes = options.maxBytesPerPoll();
    try {
      this.process =
          new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new IOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    process.getOutputStream().close();
    this.stderr = StderrTail.start(process.getErrorStream(), "relaywatch-" + name + "-stderr");
    this.reader = new Thread(() -> read(options), "relaywatch-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts journalctl after the checkpoint's cursor, or at the configured seek position when there
   * is none.
   */
  public static JournaldSource open(Options options, byte[] checkpoint) throws IOException {
    String cursor =
        checkpoint == null || checkpoint.length == 0
            ? null
            : new String(checkpoint, StandardCharsets.UTF_8);
    return new JournaldSource(options, cursor);
  }

  /**
   * {@code journald:unit=a,unit=b,identifier=c}: sorted, so reordering the configuration keeps the
   * checkpoint.
   */
  public static String nameOf(List<String> units, List<String> identifiers) {
    List<String> parts = new ArrayList<>();
    new TreeSet<>(units).forEach(u -> parts.add("unit=" + u));
    new TreeSet<>(identifiers).forEach(t -> parts.add("identifier=" + t));
    return "journald:" + String.join(",", parts);
  }

  /**
   * The argument list; never a shell. The {@code --opt=value} forms keep a value from being read as
   * an option even if validation were bypassed.
   */
  static List<String> command(Options options, String cursor) {
    List<String> args = new ArrayList<>();
    args.addAll(List.of(options.command(), "--follow", "--output=json", "--no-pager", "--all"));
    options.units().forEach(u -> args.add("--unit=" + u));
    options.identifiers().forEach(t -> args.add("--identifier=" + t));
    if (cursor != null) {
      // with --follow, journalctl would otherwise show only the last 10 entries after the cursor
      args.add("--no-tail");
      args.add("--after-cursor=" + cursor);
    } else if (options.seek() == Seek.TAIL) {
      args.add("--lines=0");
    } else {
      args.add("--no-tail");
    }
    return List.copyOf(args);
  }

  private void read(Options options) {
    try (InputStream in = process.getInputStream();
        MappingIterator<JsonNode> entries = JSON.readerFor(JsonNode.class).readValues(in)) {
      while (!closed && entries.hasNextValue()) {
        queue.put(toLine(entries.nextValue(), options));
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        failure = new IOException("cannot read the output of " + command.get(0), e);
      }
    } finally {
      queue.end();
    }
  }

  private static SourceLine toLine(JsonNode entry, Options options) {
    byte[] line = JournalEntryFormat.line(entry, options.zone());
    boolean cut = line.length > options.maxLineBytes();
    if (cut) {
      line = Arrays.copyOf(line, options.maxLineBytes());
    }
    String cursor = JournalEntryFormat.cursor(entry);
    return new SourceLine(
        line, cursor == null ? null : cursor.getBytes(StandardCharsets.US_ASCII), cut);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<SourceLine> poll() throws IOException {
    List<SourceLine> out = queue.drain(maxLines, maxBytes);
    for (SourceLine line : out) {
      oversizeLines += line.cut() ? 1 : 0;
      if (line.eventId() != null) {
        cursor = new String(line.eventId(), StandardCharsets.US_ASCII);
      }
    }
    if (queue.ended() && out.isEmpty()) {
      throw exitFailure();
    }
    return out;
  }

  /** journalctl follows for ever: any end of its output is a failure for the shipper to retry. */
  private IOException exitFailure() {
    if (failure != null) {
      return failure;
    }
    String code;
    try {
      code = process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = "unknown";
    }
    String detail = stderr.text();
    return new IOException(
        String.join(" ", command)
            + " exited with code "
            + code
            + (detail.isEmpty() ? "" : ": " + detail));
  }

  @Override
  public byte[] checkpoint() {
    return cursor == null ? null : cursor.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public SourceStats stats() {
    return new SourceStats(0, 0, oversizeLines, 0, 0);
  }

  @Override
  public void close() {
    closed = true;
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    reader.interrupt();
  }
}
