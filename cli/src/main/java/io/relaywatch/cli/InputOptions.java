package io.relaywatch.cli;

import io.relaywatch.streams.parse.MailLogParser;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads mail logs shares. */
final class InputOptions {
  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      converter = ReferenceTime.ZoneConverter.class,
      description =
          "Time zone of log timestamps that carry none (RFC 3164 syslog). Default: the system"
              + " zone (${DEFAULT-VALUE}).")
  ZoneId zone = ZoneId.systemDefault();

  @Option(
      names = "--reference-time",
      paramLabel = "ISO",
      converter = ReferenceTime.Converter.class,
      description =
          "When the logs were read, to infer the year syslog dates omit. Default: each file's"
              + " modification time; for standard input, now.")
  ReferenceTime referenceTime;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Mail logs, plain or gzip (detected by content); - or none for standard input.")
  List<String> files = new ArrayList<>();

  /** The inputs, each checked to be readable. */
  List<LogInput> inputs(Supplier<InputStream> stdin) throws InputException {
    List<String> names = files.isEmpty() ? List.of(LogInput.STDIN) : files;
    List<LogInput> inputs = new ArrayList<>(names.size());
    for (String name : names) {
      inputs.add(LogInput.check(name, stdin));
    }
    return inputs;
  }

  /** A scanner over the inputs with a parser for the zone. */
  LogScanner scanner(Supplier<InputStream> stdin) throws InputException {
    return scanner(stdin, MailLogParser.create(zone));
  }

  /** A scanner whose parser leaves message lines out, for readers that need no messages. */
  LogScanner scannerWithoutMessages(Supplier<InputStream> stdin) throws InputException {
    return scanner(stdin, MailLogParser.withoutMessages(zone));
  }

  private LogScanner scanner(Supplier<InputStream> stdin, MailLogParser parser)
      throws InputException {
    ReferenceTime fixed = referenceTime;
    return new LogScanner(inputs(stdin), parser, () -> fixed == null ? null : fixed.in(zone));
  }
}
