package io.relaywatch.kafka;

import java.nio.file.Path;
import java.util.Properties;

/** The broker configuration of a single-node, combined broker and controller, on loopback. */
final class BrokerSettings {
  static final int NODE_ID = 1;
  static final String HOST = "127.0.0.1";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  /** The default dedupe buffer is 128 MiB on-heap; the broker then dies at -Xmx128m. */
  private static final long CLEANER_DEDUPE_BUFFER_BYTES = 8L * 1024 * 1024;

  private BrokerSettings() {}

  static Properties of(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://"
            + HOST
            + ":"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // One node: internal topics cannot have more replicas than brokers.
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // Nobody else will join: a first consumer should not wait 3 s for a rebalance.
    p.put("group.initial.rebalance.delay.ms", "0");
    // After a crash the restarted controller keeps the old broker registration alive for a whole
    // session before the new one is accepted: 9 s by default, on every restart after SIGKILL.
    p.put("broker.heartbeat.interval.ms", "1000");
    p.put("broker.session.timeout.ms", "3000");
    p.put("log.cleaner.dedupe.buffer.size", Long.toString(CLEANER_DEDUPE_BUFFER_BYTES));
    return p;
  }
}
