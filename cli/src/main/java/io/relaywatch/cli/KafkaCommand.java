package io.relaywatch.cli;

import io.relaywatch.kafka.DataDirectoryException;
import io.relaywatch.kafka.EmbeddedKafka;
import io.relaywatch.kafka.EmbeddedKafkaMain;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code relaywatch kafka}: a single-node Kafka broker in the foreground, for demos and tests. */
@Command(
    name = "kafka",
    description = {
      "Runs a single-node Kafka broker (KRaft, broker and controller in one) on 127.0.0.1 in the"
          + " foreground until Ctrl-C. Its data lives under --data-dir and survives a restart.",
      "For trying relaywatch out, not for production: one node, one replica, no security."
    })
final class KafkaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Option(
      names = "--data-dir",
      required = true,
      paramLabel = "DIR",
      description = "Where the broker keeps its data (created when missing, reused on restart).")
  Path dataDir;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description = "Port clients connect to; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--port': " + port + " is not a port (0 to 65535)");
    }
    EmbeddedKafka kafka = new EmbeddedKafka(dataDir, port);
    try {
      kafka.start();
    } catch (DataDirectoryException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--data-dir': " + e.getMessage());
    }
    kafka.closeAtJvmExit();
    PrintWriter out = spec.commandLine().getOut();
    out.println(EmbeddedKafkaMain.READY + kafka.bootstrapServers());
    out.flush();
    spec.commandLine()
        .getErr()
        .println("relaywatch: Kafka data in " + kafka.dataDir() + "; press Ctrl-C to stop");
    kafka.awaitClosed();
    return 0;
  }
}
