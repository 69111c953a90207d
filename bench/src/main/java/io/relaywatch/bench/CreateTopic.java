package io.relaywatch.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates one topic with a given partition count, so that {@code kcat -P} in the shipper benchmark
 * writes to the same layout as {@code relaywatch ship} (the broker would auto-create it with one
 * partition).
 *
 * <p>Usage: {@code CreateTopic BOOTSTRAP TOPIC PARTITIONS}
 */
public final class CreateTopic {
  private CreateTopic() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: CreateTopic BOOTSTRAP TOPIC PARTITIONS");
      System.exit(2);
    }
    int partitions = Integer.parseInt(args[2]);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
      admin
          .createTopics(List.of(new NewTopic(args[1], partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }
}
