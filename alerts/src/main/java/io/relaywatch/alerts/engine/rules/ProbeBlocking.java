package io.relaywatch.alerts.engine.rules;

import java.util.List;

/** The blocking commands for a relay prober, from its canonical address only. */
final class ProbeBlocking {
  private ProbeBlocking() {}

  static List<String> postfix(ClientFacts client) {
    return List.of(
        "postconf -e 'postscreen_access_list = permit_mynetworks,"
            + " cidr:/etc/postfix/postscreen_access.cidr'",
        "echo '" + cidr(client) + " reject' >> /etc/postfix/postscreen_access.cidr",
        "postconf -e 'postscreen_denylist_action = drop'   # default ignore only logs;"
            + " Postfix < 3.6: postscreen_blacklist_action",
        "postfix reload",
        firewall(client),
        "printf '[postfix]\\nenabled = true\\nmode = aggressive\\n' >> /etc/fail2ban/jail.local",
        "systemctl reload fail2ban");
  }

  static List<String> exim(ClientFacts client) {
    String hosts = client.address().isIPv6() ? "<; " + client.ip() : client.ip();
    return List.of(
        "# acl_check_connect:",
        "deny  hosts = " + hosts,
        firewall(client),
        "printf '[exim]\\nenabled = true\\n' >> /etc/fail2ban/jail.local",
        "systemctl reload fail2ban");
  }

  private static String cidr(ClientFacts client) {
    return client.ip() + (client.address().isIPv6() ? "/128" : "/32");
  }

  private static String firewall(ClientFacts client) {
    String family = client.address().isIPv6() ? "ip6" : "ip";
    return "nft add rule inet filter input "
        + family
        + " saddr "
        + client.ip()
        + " tcp dport 25 drop";
  }
}
