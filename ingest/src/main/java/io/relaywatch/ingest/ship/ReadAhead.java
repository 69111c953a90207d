package io.relaywatch.ingest.ship;

import io.relaywatch.ingest.source.LineSource;
import io.relaywatch.ingest.source.SourceLine;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the next batch from the sources on its own thread while the shipping thread sends and
 * commits the current one, so that reading and the producer's per-record work (encoding and
 * compression run on the caller's thread) use two cores. The hand-off holds no buffer: at most one
 * batch waits beside the one being shipped. Each batch carries its sources' checkpoints taken right
 * after its lines were polled, so a committed checkpoint is always the position after the committed
 * lines. A batch read ahead but not shipped when the session ends is dropped: files are reopened
 * from their committed positions, standard input loses it like the batch in flight.
 */
final class ReadAhead implements AutoCloseable {
  private final List<LineSource> sources;
  private final ShipMetrics metrics;
  private final Duration pollInterval;
  private final SynchronousQueue<Item> handOff = new SynchronousQueue<>();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Thread thread;

  ReadAhead(List<LineSource> sources, ShipMetrics metrics, Duration pollInterval) {
    this.sources = sources;
    this.metrics = metrics;
    this.pollInterval = pollInterval;
    this.thread = new Thread(this::read, "relaywatch-read-ahead");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The next batch (never empty), or null when nothing arrived within {@code timeout}.
   *
   * @throws EndOfSources when every source is exhausted
   */
  List<Polled> next(Duration timeout) throws IOException {
    Item item;
    try {
      item = handOff.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (item == null) {
      return null;
    }
    if (item.failure() instanceof IOException e) {
      throw e;
    }
    if (item.failure() instanceof RuntimeException e) {
      throw e;
    }
    if (item.failure() != null) {
      throw new IllegalStateException("reading the sources failed", item.failure());
    }
    if (item.batch() == null) {
      throw new EndOfSources();
    }
    return item.batch();
  }

  private void read() {
    try {
      while (stop.getCount() > 0) {
        List<Polled> batch = poll();
        if (!batch.isEmpty()) {
          hand(new Item(batch, null));
        } else if (sources.stream().allMatch(LineSource::exhausted)) {
          hand(new Item(null, null));
          return;
        } else {
          stop.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception | Error e) {
      hand(new Item(null, e));
    }
  }

  /** Waits for the shipping thread to take the item; gives up when stopped. */
  private void hand(Item item) {
    try {
      while (stop.getCount() > 0 && !handOff.offer(item, 50, TimeUnit.MILLISECONDS)) {
        // the shipping thread is busy with the previous batch
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Polled> poll() throws IOException {
    List<Polled> batch = new ArrayList<>();
    for (LineSource source : sources) {
      List<SourceLine> lines = source.poll();
      metrics.sourceStats(source.name(), source.stats());
      if (!lines.isEmpty()) {
        batch.add(new Polled(source.name(), lines, source.checkpoint()));
      }
    }
    return batch;
  }

  /** Stops reading and waits for the thread, so that the sources can be closed or reopened. */
  @Override
  public void close() {
    stop.countDown();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Thrown by {@link #next} once every source is exhausted (standard input at its end). */
  static final class EndOfSources extends RuntimeException {
    EndOfSources() {
      super("every source is exhausted", null, false, false);
    }
  }

  /** One source's lines of a batch and its checkpoint after them (null: cannot resume). */
  record Polled(String source, List<SourceLine> lines, byte[] checkpoint) {
    long bytes() {
      long n = 0;
      for (SourceLine line : lines) {
        n += line.bytes().length;
      }
      return n;
    }
  }

  /** A batch, the end of the sources (both null), or a failure. */
  private record Item(List<Polled> batch, Throwable failure) {}
}
