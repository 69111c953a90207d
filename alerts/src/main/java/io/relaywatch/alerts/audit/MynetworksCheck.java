package io.relaywatch.alerts.audit;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.relaywatch.alerts.engine.fix.PostfixLines;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mynetworks_too_wide}: {@code mynetworks} trusts addresses outside {@code
 * networks.internal}, so clients there relay without authenticating (an open relay). Also when
 * {@code mynetworks} is unset and {@code mynetworks_style} is {@code subnet} or {@code class}
 * (trusting the server's whole subnets), and when a {@code master.cf} service overrides {@code
 * mynetworks} with such a value. The proposal keeps only what {@code networks.internal} covers (see
 * {@link NarrowedMynetworks}).
 */
final class MynetworksCheck implements AuditCheck {
  private static final List<IPAddress> EVERYWHERE =
      List.of(
          new IPAddressString("0.0.0.0/0").getAddress(), new IPAddressString("::/0").getAddress());

  @Override
  public List<Finding> run(AuditInput in, List<String> notes) {
    Networks networks = new Networks(in.site().internal());
    Optional<Reading> main = mainReading(in, notes);
    List<SmtpdService> overriding = new ArrayList<>();
    for (SmtpdService s : in.services()) {
      if (s.override("mynetworks").isPresent()) {
        Reading r = Reading.of(s.text("mynetworks", in.main()), notes);
        if (!r.outside(networks).isEmpty()) {
          overriding.add(s);
        }
      }
    }
    boolean mainTooWide = main.isPresent() && !main.get().outside(networks).isEmpty();
    if (!mainTooWide && overriding.isEmpty()) {
      return List.of();
    }
    Reading reading = main.orElseGet(() -> Reading.of(in.main().text("mynetworks"), notes));
    return List.of(finding(in, networks, reading, mainTooWide, overriding));
  }

  /** What main.cf's mynetworks trusts; empty when it trusts only the host itself. */
  private static Optional<Reading> mainReading(AuditInput in, List<String> notes) {
    MainConfig m = in.main();
    if (m.explicit().get("mynetworks").isPresent()) {
      Expansion.Result value = m.value("mynetworks");
      if (!value.complete()) {
        notes.add("mynetworks: part of the value could not be expanded; checked what could be");
      }
      return Optional.of(Reading.of(value.text(), notes));
    }
    String style = m.text("mynetworks_style").toLowerCase(Locale.ROOT);
    if (style.equals("host")) {
      return Optional.empty();
    }
    if (m.isLive()) {
      return Optional.of(Reading.of(m.text("mynetworks"), notes));
    }
    // From a file the server's subnets are unknown: judge as if they could be anywhere.
    return Optional.of(new Reading(EVERYWHERE, Set.of(), true));
  }

  private static Finding finding(
      AuditInput in,
      Networks networks,
      Reading reading,
      boolean mainTooWide,
      List<SmtpdService> overriding) {
    NarrowedMynetworks narrowed = NarrowedMynetworks.of(reading.literals(), networks);
    List<String> postfix = new ArrayList<>();
    if (mainTooWide) {
      postfix.add("postconf -e '" + narrowed.setting() + "'");
    }
    overriding.forEach(
        s -> s.label().ifPresent(l -> postfix.add("postconf -PX '" + l + "/mynetworks'")));
    postfix.add(PostfixLines.CHECK_AND_RELOAD);
    List<String> evidence = new ArrayList<>();
    evidence.add(in.line("mynetworks"));
    if (reading.fromStyle()) {
      evidence.add(in.line("mynetworks_style"));
    }
    overriding.forEach(s -> evidence.add(s.line()));
    return AuditFinding.of(
        Verdict.MYNETWORKS_TOO_WIDE,
        Severity.CRITICAL,
        in.host(),
        summary(reading, networks, mainTooWide, overriding),
        Math.max(1, reading.outside(networks).size()) + overriding.size(),
        evidence,
        List.of(
            "postconf -n mynetworks mynetworks_style",
            "postconf -x -h mynetworks",
            "postconf -P | grep mynetworks"),
        AuditFinding.postfixFix(fixSummary(narrowed, overriding), postfix));
  }

  private static String summary(
      Reading reading, Networks networks, boolean mainTooWide, List<SmtpdService> overriding) {
    StringBuilder s = new StringBuilder("mynetworks trusts addresses outside networks.internal");
    if (mainTooWide && reading.fromStyle()) {
      s.append(": mynetworks is not set and mynetworks_style trusts the server's whole subnets");
    } else if (mainTooWide) {
      s.append(": ")
          .append(
              String.join(
                  " ",
                  reading.outside(networks).stream().map(Networks::print).distinct().toList()));
    }
    if (!overriding.isEmpty()) {
      s.append(mainTooWide ? "; also " : ": ")
          .append("overridden in master.cf for ")
          .append(String.join(", ", overriding.stream().map(SmtpdService::describe).toList()));
    }
    return s.append(". Clients there relay without authenticating: an open relay.").toString();
  }

  private static String fixSummary(NarrowedMynetworks narrowed, List<SmtpdService> overriding) {
    String s =
        "Trust only what networks.internal covers, as single hosts or networks no wider than /24"
            + " (IPv4) or /64 (IPv6)";
    s += narrowed.entries().isEmpty() ? "; nothing qualifies, so trust no network." : ".";
    if (narrowed.droppedInternal()) {
      s +=
          " Internal networks wider than that are left out: add back, narrowly, what must relay"
              + " without AUTH, or let those clients authenticate on port 587.";
    }
    if (!overriding.isEmpty()) {
      s += " The master.cf overrides are removed so those services use main.cf's value.";
    }
    return s;
  }

  /**
   * The literal networks of a mynetworks value ({@code !} exclusions, host names, tables and files
   * are not judged: they can only be read by Postfix).
   */
  record Reading(List<IPAddress> literals, Set<String> unchecked, boolean fromStyle) {
    static Reading of(String expanded, List<String> notes) {
      List<IPAddress> literals = new ArrayList<>();
      Set<String> unchecked = new LinkedHashSet<>();
      for (String token : expanded.strip().split("[\\s,]+")) {
        if (token.isEmpty()) {
          continue;
        }
        Optional<IPAddress> network = Networks.literal(token);
        if (network.isPresent()) {
          literals.add(network.get());
        } else {
          unchecked.add(token);
        }
      }
      if (!unchecked.isEmpty()) {
        notes.add(
            "mynetworks: "
                + unchecked.size()
                + " entries are not address literals (host names, tables, files or exclusions);"
                + " check them with postconf -x -h mynetworks");
      }
      return new Reading(literals, unchecked, false);
    }

    List<IPAddress> outside(Networks networks) {
      return literals.stream().filter(n -> !networks.covered(n)).toList();
    }
  }
}
