package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.engine.fix.PostfixLines;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code sasl_backend_unavailable} before any client fails: a service offers AUTH through Dovecot
 * ({@code smtpd_sasl_type = dovecot}) and the socket {@code smtpd_sasl_path} names is missing or
 * nobody listens on it. A relative path (and, for a chrooted service, an absolute one) lies under
 * {@code queue_directory}. Only with {@code --live}: a file says nothing about the mail host's
 * sockets. A socket relaywatch may not open is a note, not a finding.
 */
final class SaslSocketCheck implements AuditCheck {
  private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9._/-]{1,200}");

  @Override
  public List<Finding> run(AuditInput in, List<String> notes) {
    Set<Path> sockets = new LinkedHashSet<>();
    for (SmtpdService s : in.services()) {
      String type = s.text("smtpd_sasl_type", in.main()).toLowerCase(Locale.ROOT);
      if (!s.saslEnabled(in.main()) || !type.equals("dovecot")) {
        continue;
      }
      String path = s.text("smtpd_sasl_path", in.main());
      if (path.startsWith("inet:") || path.isEmpty()) {
        notes.add("Dovecot SASL over TCP (inet:) is not probed");
      } else {
        sockets.add(resolve(path, s.chroot(), in.main().text("queue_directory")));
      }
    }
    if (sockets.isEmpty()) {
      return List.of();
    }
    if (!in.onMailHost()) {
      notes.add("Dovecot auth socket not checked: only with --live, on the mail host");
      return List.of();
    }
    List<Path> down = new ArrayList<>();
    for (Path socket : sockets) {
      if (!reachable(socket, notes)) {
        down.add(socket);
      }
    }
    return down.isEmpty() ? List.of() : List.of(finding(in, down));
  }

  private static Path resolve(String path, boolean chroot, String queueDirectory) {
    Path queue = Path.of(queueDirectory.isEmpty() ? "/var/spool/postfix" : queueDirectory);
    if (!path.startsWith("/")) {
      return queue.resolve(path).normalize();
    }
    return chroot ? queue.resolve(path.substring(1)).normalize() : Path.of(path).normalize();
  }

  private static boolean reachable(Path socket, List<String> notes) {
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException | UnsupportedOperationException e) {
      notes.add("Dovecot auth socket exists but could not be opened by relaywatch (permissions?)");
      return true;
    }
  }

  private static Finding finding(AuditInput in, List<Path> down) {
    List<String> shown =
        down.stream().map(Path::toString).filter(p -> PLAIN_PATH.matcher(p).matches()).toList();
    String where = shown.isEmpty() ? "the configured socket" : String.join(", ", shown);
    return AuditFinding.of(
        Verdict.SASL_BACKEND_UNAVAILABLE,
        Severity.CRITICAL,
        in.host(),
        "AUTH goes to Dovecot, but nothing listens on "
            + where
            + " (smtpd_sasl_path): every client that authenticates will fail.",
        down.size(),
        List.of(in.line("smtpd_sasl_type"), in.line("smtpd_sasl_path")),
        List.of(
            "systemctl status dovecot",
            "ls -la /var/spool/postfix/private/auth",
            "postconf smtpd_sasl_type smtpd_sasl_path smtpd_sasl_auth_enable queue_directory",
            "doveconf -n | grep -A6 unix_listener"),
        new io.relaywatch.events.Fix(
            "Make Dovecot create its auth socket inside the Postfix queue directory and point"
                + " Postfix at it (the path is relative to queue_directory).",
            List.of(
                PostfixLines.POINT_AT_DOVECOT,
                "systemctl restart dovecot",
                PostfixLines.CHECK_AND_RELOAD),
            null,
            PostfixLines.DOVECOT_AUTH_LISTENER,
            null));
  }
}
