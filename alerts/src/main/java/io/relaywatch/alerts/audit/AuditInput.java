package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.fix.Hostnames;
import java.util.List;
import java.util.Objects;

/**
 * What the checks read: the {@code main.cf} parameters, the {@code smtpd} services of {@code
 * master.cf} (or the implicit one when it is unknown), the site's {@code networks.internal}, and
 * whether the audit runs on the mail host itself, where sockets can be probed.
 *
 * @param main the parameters, with defaults
 * @param services the smtpd services; {@link SmtpdService#implicit()} alone when master.cf is
 *     unknown
 * @param masterKnown whether {@code master.cf} was read
 * @param site relaywatch's site settings ({@code networks.internal} above all)
 * @param onMailHost whether the file system is the mail host's (with {@code --live})
 */
public record AuditInput(
    MainConfig main,
    List<SmtpdService> services,
    boolean masterKnown,
    VerdictConfig site,
    boolean onMailHost) {

  public AuditInput {
    Objects.requireNonNull(main, "main");
    Objects.requireNonNull(site, "site");
    services = List.copyOf(services);
  }

  /** An input from {@code postconf -n} text and, when known, {@code master.cf} text. */
  public static AuditInput of(
      MainConfig main, String masterCf, VerdictConfig site, boolean onMailHost) {
    if (masterCf == null) {
      return new AuditInput(main, List.of(SmtpdService.implicit()), false, site, onMailHost);
    }
    List<SmtpdService> services = MasterServices.parse(masterCf);
    // A master.cf without smtpd (a fragment, say) must not switch the main.cf checks off.
    return new AuditInput(
        main,
        services.isEmpty() ? List.of(SmtpdService.implicit()) : services,
        true,
        site,
        onMailHost);
  }

  /** The audited host: {@code myhostname} when it is a plain host name. */
  String host() {
    return Hostnames.validated(main.text("myhostname")).orElse(Hostnames.UNNAMED_HOST);
  }

  /** {@code name = value} as configured, for evidence (raw text: receivers escape it). */
  String line(String parameter) {
    return main.explicit()
        .get(parameter)
        .map(v -> parameter + " = " + v)
        .orElseGet(() -> parameter + " = " + main.raw(parameter).orElse("") + "  (default)");
  }
}
