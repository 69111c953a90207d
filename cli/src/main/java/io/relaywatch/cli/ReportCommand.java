package io.relaywatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.relaywatch.events.Json;
import io.relaywatch.streams.report.MailLogReport;
import io.relaywatch.streams.report.ReportSummary;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code relaywatch report}: who is being refused, why and how often, with no Kafka at all. */
@Command(
    name = "report",
    description = {
      "Summarises mail logs: rejects by reason, SMTP code and service; relay denials by client"
          + " (count, distinct recipient domains, first and last seen, internal or external);"
          + " SASL failures by client; SASL backend errors; unparsed lines.",
      "Internal networks: RFC 1918, 100.64.0.0/10, loopback, link-local, fc00::/7."
    })
final class ReportCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Mixin HelpOption help;

  @Option(names = "--json", description = "Write the report as one JSON document.")
  boolean json;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Clients listed per table (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    if (top < 0) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--top': " + top + " is negative");
    }
    MailLogReport report = new MailLogReport();
    try {
      LogScanner scanner = input.scannerWithoutMessages(main.stdin());
      try (ProgressDisplay progress = ProgressDisplay.forInput(scanner.knownSize())) {
        scanner.scan(
            report::add,
            read -> {
              progress.update(read);
              return true;
            });
      }
    } catch (InputException e) {
      spec.commandLine().getErr().println("relaywatch: " + e.getMessage());
      return 1;
    }
    print(report.summary(top), spec.commandLine().getOut());
    return 0;
  }

  private void print(ReportSummary summary, PrintWriter out) {
    if (json) {
      try {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      ReportTable.print(summary, out);
    }
    out.flush();
  }
}
