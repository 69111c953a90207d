package io.relaywatch.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Lines from standard input (e.g. {@code tail -F | relaywatch ship --stdin}). A reader thread
 * splits the bytes into lines and blocks when the shipper falls behind, so a slow Kafka slows the
 * writer instead of growing memory. Standard input has no position to resume from: lines read but
 * not yet committed when the process dies are lost (docs/shipper.md).
 */
public final class StdinSource implements LineSource {
  public static final String NAME = "stdin";
  private static final int QUEUE_LINES = 10_000;
  private static final SourceLine END = new SourceLine(new byte[0], null, false);

  private final BlockingQueue<SourceLine> queue = new ArrayBlockingQueue<>(QUEUE_LINES);
  private final int maxLines;
  private final Thread reader;
  private volatile IOException failure;
  private boolean ended;

  public StdinSource(InputStream in, int maxLineBytes, int maxLinesPerPoll) {
    this.maxLines = maxLinesPerPoll;
    this.reader = new Thread(() -> read(in, maxLineBytes), "relaywatch-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(InputStream in, int maxLineBytes) {
    try {
      LineSplitter.split(in, maxLineBytes, (bytes, cut) -> put(new SourceLine(bytes, null, cut)));
    } catch (IOException e) {
      failure = e;
    } finally {
      put(END);
    }
  }

  private void put(SourceLine line) {
    try {
      queue.put(line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<SourceLine> poll() throws IOException {
    List<SourceLine> out = new ArrayList<>();
    while (!ended && out.size() < maxLines) {
      SourceLine line = queue.poll();
      if (line == null) {
        break;
      }
      if (line == END) {
        ended = true;
      } else {
        out.add(line);
      }
    }
    if (ended && failure != null && out.isEmpty()) {
      throw new IOException("cannot read standard input: " + failure.getMessage(), failure);
    }
    return out;
  }

  @Override
  public boolean exhausted() {
    return ended && queue.isEmpty();
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
