package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.engine.VerdictConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads the running Postfix's configuration with {@code postconf}: {@code -n} (what is set), {@code
 * -M} (master.cf) and {@code -x} for the parameters the checks read (effective values, expanded,
 * with this Postfix's own defaults). Each is one process with a fixed argument list, never a shell;
 * the only variable argument is the configuration directory, passed as one absolute path.
 */
public final class LivePostconf {
  /** The parameters whose effective values the checks read. */
  static final List<String> PARAMETERS =
      List.of(
          "compatibility_level",
          "myhostname",
          "mynetworks",
          "mynetworks_style",
          "queue_directory",
          "smtpd_relay_restrictions",
          "smtpd_recipient_restrictions",
          "smtpd_sasl_auth_enable",
          "smtpd_sasl_type",
          "smtpd_sasl_path",
          "smtpd_tls_auth_only",
          "smtpd_tls_security_level",
          "smtpd_use_tls",
          "smtpd_enforce_tls",
          "smtpd_tls_wrappermode");

  private static final List<Path> SBIN =
      List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin"));
  private static final long TIMEOUT_SECONDS = 30;

  private final Path postconf;
  private final Optional<Path> configDirectory;

  private LivePostconf(Path postconf, Optional<Path> configDirectory) {
    this.postconf = postconf;
    this.configDirectory = configDirectory.map(p -> p.toAbsolutePath().normalize());
  }

  /** The {@code postconf} on the PATH or in the usual sbin directories. */
  public static Optional<Path> find() {
    List<Path> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(":")) {
        if (!dir.isEmpty()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    dirs.addAll(SBIN);
    return dirs.stream().map(d -> d.resolve("postconf")).filter(Files::isExecutable).findFirst();
  }

  /**
   * @param configDirectory passed as {@code postconf -c DIR}; empty for Postfix's own
   * @throws IOException when no {@code postconf} is found
   */
  public static LivePostconf create(Optional<Path> configDirectory) throws IOException {
    Path binary =
        find().orElseThrow(() -> new IOException("postconf not found (is Postfix installed?)"));
    return new LivePostconf(binary, configDirectory);
  }

  /** Reads the configuration and builds the audit's input. */
  public AuditInput read(VerdictConfig site) throws IOException {
    PostfixParameters explicit = PostfixParameters.parse(run(List.of("-n")));
    String master = run(List.of("-M"));
    List<String> effective = new ArrayList<>(List.of("-x"));
    effective.addAll(PARAMETERS);
    PostfixParameters live = PostfixParameters.parse(run(effective));
    return AuditInput.of(new MainConfig(explicit, live), master, site, true);
  }

  /** The output of {@code postconf [-c DIR] ARGS}; fails on a non-zero exit or a timeout. */
  String run(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(postconf.toString()));
    configDirectory.ifPresent(
        dir -> {
          command.add("-c");
          command.add(dir.toString());
        });
    command.addAll(args);
    Process process =
        new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    CompletableFuture<String> errors =
        CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    String output = readAll(process.getInputStream());
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("postconf " + args.get(0) + " did not finish in 30 s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running postconf", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "postconf "
              + args.get(0)
              + " exited with "
              + process.exitValue()
              + ": "
              + errors.join().strip().lines().findFirst().orElse(""));
    }
    return output;
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
