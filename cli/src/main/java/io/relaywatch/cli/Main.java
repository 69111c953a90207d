package io.relaywatch.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code relaywatch} command: parses flags and hands over to the modules. */
@Command(
    name = "relaywatch",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Watches mail server logs for rejected mail, above all refused relaying.",
    subcommands = {
      DemoCommand.class,
      ParseCommand.class,
      ReportCommand.class,
      DiagnoseCommand.class,
      AuditCommand.class,
      ShipCommand.class,
      StreamsCommand.class,
      AlertsCommand.class,
      KafkaCommand.class,
      TopicsCommand.class,
      AllCommand.class,
      SampleLogCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:an input could not be read", "2:usage error"})
public final class Main implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Supplier<InputStream> stdin;

  public Main() {
    this(() -> System.in);
  }

  /** A command reading standard input from {@code stdin}, for tests. */
  public Main(Supplier<InputStream> stdin) {
    this.stdin = stdin;
  }

  Supplier<InputStream> stdin() {
    return stdin;
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing command: demo, parse, report, diagnose, audit, ship, streams, alerts, all, kafka,"
            + " topics or sample-log");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs with standard output buffered, since {@code parse} may write millions of lines. */
  static int run(String[] args) {
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16));
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    int code = new CommandLine(new Main()).setOut(out).setErr(err).execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The version from the jar manifest; "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"relaywatch " + (version == null ? "development" : version)};
    }
  }
}
