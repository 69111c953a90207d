package io.relaywatch.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A fixed set of SMTP clients drawn from documentation (RFC 5737, RFC 3849) and private (RFC 1918)
 * ranges, so generated logs never name a real host. Draws are skewed: a few clients are seen very
 * often, as with the relay probers in a real log.
 */
public final class ClientPool {
  /** One client as Postfix writes it: {@code host[ip]}. */
  public record Client(String host, String ip) {
    String bracketed() {
      return host + "[" + ip + "]";
    }
  }

  private static final String[] DOC_NETS = {"192.0.2.", "198.51.100.", "203.0.113."};
  private static final String[] HOST_WORDS = {"mail", "smtp", "mx", "relay", "out", "mta", "gw"};
  private static final String[] HOST_DOMAINS = {
    "example.com", "example.net", "example.org", "mail.example", "corp.test", "isp.invalid"
  };

  private final List<Client> clients;

  /** {@code size} distinct clients drawn with {@code random}. */
  public ClientPool(SplittableRandom random, int size) {
    Set<String> ips = new LinkedHashSet<>();
    while (ips.size() < size) {
      ips.add(randomIp(random));
    }
    clients = new ArrayList<>(size);
    for (String ip : ips) {
      clients.add(new Client(randomHost(random), ip));
    }
  }

  int size() {
    return clients.size();
  }

  /** A client, the first ones of the pool far more often than the last (density 1/sqrt). */
  Client pick(SplittableRandom random) {
    double u = random.nextDouble();
    return clients.get((int) (u * u * clients.size()));
  }

  private static String randomIp(SplittableRandom random) {
    int roll = random.nextInt(100);
    if (roll < 25) {
      return DOC_NETS[random.nextInt(DOC_NETS.length)] + (1 + random.nextInt(254));
    }
    if (roll < 45) {
      return "10."
          + random.nextInt(256)
          + "."
          + random.nextInt(256)
          + "."
          + (1 + random.nextInt(254));
    }
    if (roll < 60) {
      return "172."
          + (16 + random.nextInt(16))
          + "."
          + random.nextInt(256)
          + "."
          + (1 + random.nextInt(254));
    }
    if (roll < 80) {
      return "192.168." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
    // RFC 5952 form, as Postfix writes it: lower case, longest zero run compressed.
    return "2001:db8:"
        + Integer.toHexString(random.nextInt(0x10000))
        + ":"
        + Integer.toHexString(1 + random.nextInt(0xffff))
        + "::"
        + Integer.toHexString(1 + random.nextInt(0xffff));
  }

  private static String randomHost(SplittableRandom random) {
    if (random.nextInt(100) < 60) {
      return "unknown";
    }
    return HOST_WORDS[random.nextInt(HOST_WORDS.length)]
        + random.nextInt(100)
        + "."
        + HOST_DOMAINS[random.nextInt(HOST_DOMAINS.length)];
  }
}
