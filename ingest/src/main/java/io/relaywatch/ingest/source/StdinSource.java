package io.relaywatch.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Lines from standard input (e.g. {@code tail -F | relaywatch ship --stdin}). A reader thread
 * splits the bytes into lines and blocks when the shipper falls behind, so a slow Kafka slows the
 * writer instead of growing memory. Standard input has no position to resume from: lines read but
 * not yet committed when the process dies are lost (docs/shipper.md).
 */
public final class StdinSource implements LineSource {
  public static final String NAME = "stdin";
  private static final int MAX_LINES_PER_POLL = 10_000;

  private final LineQueue queue = new LineQueue();
  private final long maxBytes;
  private final Thread reader;
  private volatile IOException failure;

  public StdinSource(InputStream in, int maxLineBytes, long maxBytesPerPoll) {
    this.maxBytes = maxBytesPerPoll;
    this.reader = new Thread(() -> read(in, maxLineBytes), "relaywatch-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(InputStream in, int maxLineBytes) {
    try {
      LineSplitter.split(
          in, maxLineBytes, (bytes, cut) -> queue.put(new SourceLine(bytes, null, cut)));
    } catch (IOException e) {
      failure = e;
    } finally {
      queue.end();
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<SourceLine> poll() throws IOException {
    List<SourceLine> out = queue.drain(MAX_LINES_PER_POLL, maxBytes);
    if (queue.ended() && failure != null && out.isEmpty()) {
      throw new IOException("cannot read standard input: " + failure.getMessage(), failure);
    }
    return out;
  }

  @Override
  public boolean exhausted() {
    return queue.ended();
  }

  @Override
  public byte[] checkpoint() {
    return null;
  }

  @Override
  public SourceStats stats() {
    return SourceStats.NONE;
  }

  @Override
  public void close() {
    reader.interrupt();
  }
}
