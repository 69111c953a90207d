package io.relaywatch.alerts.service;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.alerts.evidence.EvidenceLedger;
import io.relaywatch.alerts.notify.Notifier;
import io.relaywatch.events.Alert;
import io.relaywatch.events.Topic;
import io.relaywatch.events.TopicCreator;
import io.relaywatch.events.Topics;
import io.relaywatch.ops.OpsServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code relaywatch alerts}: reads the Streams topics into an {@link EvidenceLedger}, evaluates it
 * on every tick and on new records, and keeps each alert's lifecycle, writing every state to {@code
 * relaywatch.alerts} before handing it to the {@link Notifier}. On start it restores the firing
 * alerts from that topic and re-reads the last evaluation window of the input topics, so a restart
 * neither re-fires an alert from scratch nor forgets one. The CLI builds the configuration, the
 * evaluator and the notifier and calls {@link #start}.
 */
public final class AlertService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
  // New records trigger an evaluation, but at most this often: evaluating every poll of a busy
  // topic would cost more than it tells.
  private static final Duration MIN_EVALUATION_GAP = Duration.ofSeconds(1);
  private static final Duration MAX_POLL = Duration.ofMillis(200);

  private final AlertsConfig config;
  private final Notifier notifier;
  private final Clock clock;
  private final AlertMetrics metrics;
  private final EvaluationCycle cycle;
  private final EvidenceClock evidenceClock = new EvidenceClock();
  private final InputTopics input;
  private final AlertStateTopic states;
  private final OpsServer ops;
  private final Thread loop;
  private volatile boolean running = true;
  private volatile String problem = "restoring alert state from " + Topics.ALERTS.name();
  private volatile String failure;

  private AlertService(
      AlertsConfig config,
      Evaluator evaluator,
      Notifier notifier,
      CollectorRegistry registry,
      Clock clock)
      throws Exception {
    this.config = config;
    this.notifier = notifier;
    this.clock = clock;
    this.metrics = new AlertMetrics(registry);
    EvidenceLedger ledger =
        new EvidenceLedger(config.verdicts(), config.limits(), metrics::evicted);
    this.cycle =
        new EvaluationCycle(
            ledger, evaluator, new AlertLifecycle(config.timing()), metrics::evaluatorFailed);
    this.input =
        new InputTopics(
            config.kafka(),
            config.groupId(),
            ledger,
            metrics,
            eventTime -> evidenceClock.arrived(clock.instant(), eventTime));
    this.states = new AlertStateTopic(config.kafka());
    this.ops = OpsServer.start(config.httpAddress(), config.httpPort(), registry, () -> problem);
    this.loop = new Thread(this::run, "relaywatch-alerts");
  }

  /**
   * Starts the service; it takes over the notifier and closes it on {@link #close()}.
   *
   * @param evaluator {@code VerdictEngine.create(config.verdicts())::evaluate} in production
   */
  public static AlertService start(
      AlertsConfig config,
      Evaluator evaluator,
      Notifier notifier,
      CollectorRegistry registry,
      Clock clock)
      throws Exception {
    if (config.createTopics()) {
      createTopics(config);
    }
    AlertService service = new AlertService(config, evaluator, notifier, registry, clock);
    service.loop.start();
    return service;
  }

  private static void createTopics(AlertsConfig config) throws Exception {
    List<Topic<?, ?>> topics = new ArrayList<>(InputTopics.TOPICS);
    topics.add(Topics.ALERTS);
    try (Admin admin = Admin.create(config.kafka())) {
      TopicCreator.ensure(admin, topics, config.partitions(), config.kafkaTimeout());
    }
  }

  private void run() {
    try {
      restore();
      input.assignFrom(clock.instant().minus(replayed()), config.kafkaTimeout());
      problem = "catching up with the input topics";
      evaluateUntilStopped();
    } catch (WakeupException e) {
      // close() asked the loop to stop
    } catch (RuntimeException e) {
      LOG.error("the alert service stopped", e);
      failure = "the alert service stopped: " + e;
      problem = failure;
    }
  }

  private void restore() {
    List<Alert> alerts =
        AlertStateTopic.readAll(config.kafka(), config.kafkaTimeout(), () -> running);
    alerts.forEach(cycle.lifecycle()::restore);
    metrics.firing(cycle.lifecycle().firing());
    LOG.info(
        "restored {} alert states, {} firing", alerts.size(), cycle.lifecycle().firing().size());
  }

  // Record timestamps are event times set by Streams and may trail the newest events in a window,
  // so one window more is read than is evaluated.
  private Duration replayed() {
    return config.limits().window().plus(config.limits().window());
  }

  private void evaluateUntilStopped() {
    EvaluationSchedule schedule =
        new EvaluationSchedule(
            config.timing().evaluationInterval(), MIN_EVALUATION_GAP, clock.instant());
    while (running) {
      int arrived = input.poll(MAX_POLL);
      if (!input.caughtUp()) {
        continue;
      }
      problem = null;
      Instant now = clock.instant();
      if (schedule.due(now, arrived)) {
        evaluate(now);
      }
    }
  }

  private void evaluate(Instant now) {
    List<Alert> changed = cycle.run(evidenceClock.at(now), now);
    if (!changed.isEmpty()) {
      int failed = states.write(changed);
      for (int i = 0; i < failed; i++) {
        metrics.stateWriteFailed();
      }
      changed.forEach(notifier::submit);
    }
    metrics.firing(cycle.lifecycle().firing());
    var newest = input.newestEvent();
    metrics.evaluated(
        cycle.ledger().subjects(),
        newest == null ? null : Duration.between(newest.toInstant(), now),
        evidenceClock.behind());
  }

  /** Null when running and caught up, else why not. */
  public String problem() {
    return problem;
  }

  /** Why the loop stopped on its own, null while it runs or after {@link #stop()}. */
  public String failure() {
    return failure;
  }

  /** Asks the loop to stop; {@link #awaitTermination()} returns once it has. */
  public void stop() {
    running = false;
    input.wakeup();
  }

  /** Blocks until the loop has stopped, asked to or by a failure. */
  public void awaitTermination() throws InterruptedException {
    loop.join();
  }

  public int httpPort() {
    return ops.port();
  }

  /** Stops the loop, then closes the clients, the notifier (which flushes) and the HTTP port. */
  @Override
  public void close() {
    stop();
    try {
      loop.join(config.kafkaTimeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    input.close();
    states.close();
    notifier.close();
    ops.close();
  }
}
