package io.relaywatch.cli;

import io.relaywatch.alerts.diagnose.DiagnoseConfig;
import io.relaywatch.alerts.diagnose.Diagnosis;
import io.relaywatch.alerts.diagnose.FindingsJson;
import io.relaywatch.alerts.diagnose.FindingsText;
import io.relaywatch.alerts.diagnose.LogEvidence;
import io.relaywatch.alerts.engine.VerdictEngine;
import io.relaywatch.config.Settings;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code relaywatch diagnose}: the verdict engine over mail logs, with no Kafka at all. */
@Command(
    name = "diagnose",
    description = {
      "Says why mail is refused and how to fix it: runs the verdict engine of the alert service"
          + " over mail logs (trusted sender not in mynetworks, client not authenticating, SASL"
          + " failures, SASL backend down, authenticated but denied, open relay probes, domain not"
          + " accepted; docs/alerts.md).",
      "Settings (--config, then RELAYWATCH_* variables): mta, networks.internal, networks.trusted,"
          + " localDomains, postfix.mynetworks, sessions.timeout."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:diagnosed (findings or none)",
      "1:an input could not be read",
      "2:usage or settings error",
      "3:a finding at or above --fail-on"
    })
final class DiagnoseCommand implements Callable<Integer> {
  static final int FAIL_ON_EXIT = 3;

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Mixin HelpOption help;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file.")
  Path config;

  @Option(
      names = "--json",
      description =
          "Write the findings as one JSON array (verdict, severity, subject, clientIp, summary,"
              + " count, firstSeen, lastSeen, evidence, diagnostics, fix).")
  boolean json;

  @Option(
      names = "--min-count",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Report a verdict only with at least N events behind it (default: ${DEFAULT-VALUE},"
              + " every verdict the log has evidence for).")
  long minCount;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit with 3 when a finding is at least this severe: info, warning, critical.",
      converter = SeverityConverter.class)
  Severity failOn;

  @Override
  public Integer call() {
    if (minCount < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--min-count': " + minCount + " is below 1");
    }
    DiagnoseConfig settings =
        ServiceCommands.configure(
            spec, () -> DiagnoseConfig.from(Settings.load(config, System.getenv(), Map.of())));
    if (settings == null) {
      return 2;
    }
    LogEvidence evidence = new LogEvidence(settings.site(), settings.sessions());
    try {
      LogScanner scanner = input.scanner(main.stdin());
      try (ProgressDisplay progress = ProgressDisplay.forInput(scanner.knownSize())) {
        scanner.scan(
            evidence::add,
            read -> {
              progress.update(read);
              return true;
            });
      }
    } catch (InputException e) {
      spec.commandLine().getErr().println("relaywatch: " + e.getMessage());
      return 1;
    }
    Diagnosis diagnosis = evidence.diagnosis();
    List<Finding> findings = diagnosis.findings(engine(settings));
    print(findings, diagnosis);
    return failOn != null && findings.stream().anyMatch(f -> f.severity().compareTo(failOn) >= 0)
        ? FAIL_ON_EXIT
        : 0;
  }

  private VerdictEngine engine(DiagnoseConfig settings) {
    return VerdictEngine.create(settings.site()).withMinCount(minCount);
  }

  private void print(List<Finding> findings, Diagnosis diagnosis) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      FindingsJson.print(findings, out);
      if (!diagnosis.coverage().complete()) {
        // Standard output stays one JSON array; the caveat goes where a person sees it.
        spec.commandLine()
            .getErr()
            .println("relaywatch diagnose: " + diagnosis.coverage().describe());
      }
    } else {
      FindingsText.print(findings, diagnosis, out);
    }
    out.flush();
  }

  /** Picocli converter for {@code --fail-on}. */
  static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      for (Severity s : Severity.values()) {
        if (s.wireName().equalsIgnoreCase(value)) {
          return s;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not a severity; expected info, warning or critical");
    }
  }
}
