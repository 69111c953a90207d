package io.relaywatch.cli;

import io.relaywatch.alerts.audit.Audit;
import io.relaywatch.alerts.audit.AuditInput;
import io.relaywatch.alerts.audit.AuditSettings;
import io.relaywatch.alerts.audit.AuditText;
import io.relaywatch.alerts.audit.LivePostconf;
import io.relaywatch.alerts.audit.MainConfig;
import io.relaywatch.alerts.audit.PostfixParameters;
import io.relaywatch.alerts.diagnose.FindingsJson;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.notify.Escape;
import io.relaywatch.config.Settings;
import io.relaywatch.events.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code relaywatch audit}: static checks of a Postfix configuration, before any mail arrives. */
@Command(
    name = "audit",
    description = {
      "Checks a Postfix configuration for the causes relaywatch otherwise finds in the log:"
          + " mynetworks wider than networks.internal, relay restrictions that do not close,"
          + " SASL users not permitted to relay, the Dovecot auth socket missing (--live), AUTH"
          + " without TLS, an unencrypted submission service (docs/alerts.md).",
      "Settings (--config, then RELAYWATCH_* variables): networks.internal, networks.trusted,"
          + " localDomains, postfix.mynetworks, mta."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:audited (findings or none)",
      "1:the configuration could not be read",
      "2:usage or settings error",
      "3:a finding at or above --fail-on"
    })
final class AuditCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @ArgGroup(multiplicity = "1")
  Source source;

  static final class Source {
    @Option(
        names = "--postconf",
        paramLabel = "FILE",
        required = true,
        description = "Output of 'postconf -n' (or a main.cf); - for standard input.")
    String postconf;

    @Option(
        names = "--live",
        required = true,
        description = "Run postconf -n, -M and -x on this host (no shell) and probe its sockets.")
    boolean live;
  }

  @Option(
      names = "--master-cf",
      paramLabel = "FILE",
      description = "master.cf, or the output of 'postconf -M' (with --live: instead of it).")
  Path masterCf;

  @Option(
      names = "--config-dir",
      paramLabel = "DIR",
      description = "With --live: the Postfix configuration directory, as 'postconf -c DIR'.")
  Path configDir;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file.")
  Path config;

  @Option(
      names = "--json",
      description = "Write the findings as one JSON array, the same objects as diagnose --json.")
  boolean json;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit with 3 when a finding is at least this severe: info, warning, critical.",
      converter = DiagnoseCommand.SeverityConverter.class)
  Severity failOn;

  @Override
  public Integer call() {
    if (configDir != null && !source.live) {
      throw new ParameterException(spec.commandLine(), "--config-dir needs --live");
    }
    VerdictConfig site =
        ServiceCommands.configure(
            spec, () -> AuditSettings.from(Settings.load(config, System.getenv(), Map.of())));
    if (site == null) {
      return 2;
    }
    Audit.Report report;
    try {
      report = Audit.run(input(site));
    } catch (IOException e) {
      ServiceCommands.error(spec, Escape.terminal(String.valueOf(e.getMessage())));
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      FindingsJson.print(report.findings(), out);
    } else {
      AuditText.print(report, describeSource(), out);
    }
    out.flush();
    return failOn != null
            && report.findings().stream().anyMatch(f -> f.severity().compareTo(failOn) >= 0)
        ? DiagnoseCommand.FAIL_ON_EXIT
        : 0;
  }

  private AuditInput input(VerdictConfig site) throws IOException {
    String master = masterCf == null ? null : read(masterCf.toString());
    if (source.live) {
      AuditInput live = LivePostconf.create(Optional.ofNullable(configDir)).read(site);
      return master == null ? live : AuditInput.of(live.main(), master, site, true);
    }
    PostfixParameters explicit = PostfixParameters.parse(read(source.postconf));
    return AuditInput.of(new MainConfig(explicit, PostfixParameters.empty()), master, site, false);
  }

  private String read(String file) throws IOException {
    if (file.equals("-")) {
      try (InputStream in = main.stdin().get()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private String describeSource() {
    if (source.live) {
      return configDir == null ? "postconf on this host" : "postconf -c " + configDir;
    }
    return "postconf -n from " + source.postconf;
  }
}
