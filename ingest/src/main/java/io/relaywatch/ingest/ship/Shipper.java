package io.relaywatch.ingest.ship;

import io.relaywatch.ingest.source.LineSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships lines into Kafka exactly once. Each batch of lines and the read positions after it are
 * committed in one Kafka transaction; after any failure the shipper starts a new producer (which
 * fences the old one and resolves its open transaction), reloads the committed positions and goes
 * on from there. While Kafka is unreachable it retries with backoff and the lines wait in their
 * files: nothing is dropped. The design is in docs/shipper.md.
 */
public final class Shipper {
  private static final Logger log = LoggerFactory.getLogger(Shipper.class);
  private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final ShipConfig config;
  private final SourceFactory sources;
  private final ShipMetrics metrics;
  private final Clock clock;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean alive;

  private final Preparation preparation;
  private boolean prepared;

  public Shipper(
      ShipConfig config,
      SourceFactory sources,
      ShipMetrics metrics,
      Clock clock,
      Preparation preparation) {
    this.preparation = preparation;
    this.config = config;
    this.sources = sources;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Ships until {@link #stop()} or until every source is exhausted (standard input at its end).
   *
   * @throws ShipperException when shipping cannot go on (fenced by another shipper with the same
   *     id, not authorised)
   */
  public void run() {
    alive = true;
    Duration backoff = MIN_BACKOFF;
    try {
      while (running) {
        try {
          if (!prepared) {
            preparation.prepare();
            prepared = true;
          }
        } catch (Exception e) {
          metrics.kafkaError("prepare");
          log.warn(
              "cannot prepare Kafka topics, retrying in {} ms: {}",
              backoff.toMillis(),
              e.toString());
          idle(backoff);
          backoff = next(backoff);
          continue;
        }
        try (ShipSession session = new ShipSession(config, sources, metrics, clock)) {
          if (session.run(this::isRunning, this::idle)) {
            return; // sources exhausted
          }
        } catch (ProducerFencedException e) {
          throw new ShipperException(
              "another shipper with id '"
                  + config.id()
                  + "' took over (set ship.id to tell them apart)",
              e);
        } catch (AuthenticationException | AuthorizationException | UnsupportedVersionException e) {
          throw new ShipperException("Kafka refused the shipper: " + e.getMessage(), e);
        } catch (KafkaException | IOException | IllegalStateException e) {
          metrics.kafkaError(e.getClass().getSimpleName());
          log.warn("shipping failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
          metrics.retry();
          idle(backoff);
          backoff = next(backoff);
          continue;
        }
        backoff = MIN_BACKOFF;
      }
    } finally {
      alive = false;
      sources.closeAll();
    }
  }

  private static Duration next(Duration backoff) {
    Duration doubled = backoff.multipliedBy(2);
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  /** Asks the loop to finish its current transaction and return. */
  public void stop() {
    running = false;
    stopped.countDown();
  }

  private boolean isRunning() {
    return running;
  }

  /** Waits, but returns at once when stopped; never a bare sleep, so shutdown is prompt. */
  private void idle(Duration duration) {
    try {
      stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private void idle() {
    idle(config.pollInterval());
  }

  /** For /healthz: the loop runs and the last Kafka operation succeeded. */
  public boolean healthy() {
    return alive && metrics.kafkaReachable();
  }

  /** Work that must succeed once before shipping starts (creating topics); retried like sends. */
  public interface Preparation {
    void prepare() throws Exception;
  }

  /** A source factory's handle; kept here so that tests can see the type in one place. */
  public interface SourceFactory {
    /** Opens (or reopens) every source from the committed states, closing earlier instances. */
    List<LineSource> open(Map<String, String> committedStates) throws IOException;

    void closeAll();
  }
}
