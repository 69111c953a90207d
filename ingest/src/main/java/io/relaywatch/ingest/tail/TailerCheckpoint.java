package io.relaywatch.ingest.tail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link FileTailer} needs to continue after a restart exactly where it stopped.
 *
 * <p>The sources are ordered oldest first: rotated files still being drained, then the file at the
 * watched path. The record serialises with Jackson as it is; {@link #toBytes()} gives a small text
 * form for a state file.
 *
 * @param sources where reading stopped in each file, oldest first
 * @param finishedRotated the non-empty file at {@code <path>.1} that holds nothing unread (read to
 *     its end, or older than the first file read), or null. A restart must not read it again even
 *     when the fingerprint of a file that was still empty matches it.
 */
public record TailerCheckpoint(List<SourcePosition> sources, SourcePosition finishedRotated) {
  private static final String HEADER = "relaywatch-tail-checkpoint 1";
  private static final String FINISHED = "finished-rotated ";

  /** Copies the list. */
  public TailerCheckpoint {
    sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
  }

  /** A checkpoint of a tailer that has read nothing yet. */
  public static TailerCheckpoint empty() {
    return new TailerCheckpoint(List.of(), null);
  }

  /**
   * A header line, the finished rotated file or {@code -}, then one line per source: hash, length,
   * offset, skipping, file key.
   */
  public byte[] toBytes() {
    StringBuilder text = new StringBuilder(HEADER).append('\n').append(FINISHED);
    if (finishedRotated == null) {
      text.append("-\n");
    } else {
      append(text, finishedRotated);
    }
    for (SourcePosition source : sources) {
      append(text, source);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder text, SourcePosition source) {
    text.append(source.fingerprint().sha256())
        .append(' ')
        .append(source.fingerprint().length())
        .append(' ')
        .append(source.offset())
        .append(' ')
        .append(source.skipping() ? 1 : 0)
        .append(' ')
        .append(orDash(source.fileKey()))
        .append('\n');
  }

  /**
   * Reads the form written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException naming the line and what was expected, when the bytes are not
   *     a checkpoint
   */
  public static TailerCheckpoint fromBytes(byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
    if (!lines[0].equals(HEADER)) {
      throw new IllegalArgumentException(
          "not a tail checkpoint: first line is '" + lines[0] + "', expected '" + HEADER + "'");
    }
    // the finished-rotated line is optional: checkpoints written before it existed still load
    boolean hasFinished = lines.length > 1 && lines[1].startsWith(FINISHED);
    SourcePosition finished = null;
    if (hasFinished && !lines[1].equals(FINISHED + "-")) {
      finished = parseSource(lines[1].substring(FINISHED.length()), 2);
    }
    List<SourcePosition> sources = new ArrayList<>();
    for (int i = hasFinished ? 2 : 1; i < lines.length; i++) {
      sources.add(parseSource(lines[i], i + 1));
    }
    return new TailerCheckpoint(sources, finished);
  }

  private static String orDash(String fileKey) {
    return fileKey.isEmpty() ? "-" : fileKey;
  }

  private static String fromDash(String field) {
    return field.equals("-") ? "" : field;
  }

  private static SourcePosition parseSource(String line, int lineNumber) {
    String[] fields = line.split(" ", 5);
    if (fields.length != 5 || !fields[0].matches("[0-9a-f]{64}") || !fields[3].matches("[01]")) {
      throw new IllegalArgumentException(
          "tail checkpoint line "
              + lineNumber
              + " is '"
              + line
              + "', expected '<sha256 hex> <length> <offset> <0|1> <file key>'");
    }
    try {
      Fingerprint fingerprint = new Fingerprint(fields[0], Integer.parseInt(fields[1]));
      return new SourcePosition(
          fingerprint, Long.parseLong(fields[2]), fields[3].equals("1"), fromDash(fields[4]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tail checkpoint line " + lineNumber + " is '" + line + "': " + e.getMessage(), e);
    }
  }
}
