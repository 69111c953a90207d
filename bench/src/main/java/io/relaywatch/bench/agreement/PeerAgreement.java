package io.relaywatch.bench.agreement;

import io.relaywatch.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Agreement of pflogsumm and fail2ban-regex with {@code relaywatch report} on the top relay-denial
 * client IPs of one log. Prints one line per peer, writes them as JSON, and exits 1 when a peer
 * disagrees.
 *
 * <p>pflogsumm keys a client by IP only when Postfix named it {@code unknown} (by its domain
 * otherwise), so it is compared on those clients only: relaywatch's counts for the IPs pflogsumm
 * lists. Its total over all keys is still compared with relaywatch's whole total.
 *
 * <p>Usage: {@code PeerAgreement --relaywatch report.json --pflogsumm pflogsumm.txt --fail2ban
 * fail2ban.txt [--top 10] [--json out.json]}
 */
public final class PeerAgreement {
  private PeerAgreement() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = options(args);
    int n = Integer.parseInt(options.getOrDefault("--top", "10"));
    RelaywatchReport.RelayDenials ours =
        RelaywatchReport.parse(Files.readString(Path.of(options.get("--relaywatch"))));
    List<TopAgreement> results =
        List.of(
            withPflogsumm(ours, lines(options.get("--pflogsumm")), n),
            withFail2ban(ours, lines(options.get("--fail2ban")), n));
    System.out.printf(
        "relaywatch: %,d relay denials from %,d clients%s%n",
        ours.total(), ours.byIp().size(), ours.approximate() ? " (approximate)" : "");
    results.forEach(r -> System.out.println(r.line()));
    results.forEach(r -> r.differences().forEach(d -> System.out.println("  " + d)));
    if (options.containsKey("--json")) {
      Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValue(Path.of(options.get("--json")).toFile(), json(ours, results));
    }
    if (!results.stream().allMatch(TopAgreement::agrees)) {
      System.exit(1);
    }
  }

  static TopAgreement withPflogsumm(
      RelaywatchReport.RelayDenials ours, List<String> output, int n) {
    PflogsummRejectDetail.RelayDenials theirs = PflogsummRejectDetail.parse(output);
    Map<String, Long> byIp =
        theirs.byKey().entrySet().stream()
            .filter(e -> Fail2banMatches.looksLikeAddress(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<String, Long> comparable =
        ours.byIp().entrySet().stream()
            .filter(e -> byIp.containsKey(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    String scope =
        String.format(
            "the %,d of %,d clients Postfix named unknown, which pflogsumm keys by IP (the others"
                + " by domain)",
            comparable.size(), ours.byIp().size());
    return TopAgreement.compare(
        "pflogsumm", scope, comparable, byIp, n, theirs.total(), ours.total());
  }

  static TopAgreement withFail2ban(RelaywatchReport.RelayDenials ours, List<String> output, int n) {
    Fail2banMatches.RelayDenials theirs = Fail2banMatches.parse(output);
    long total = theirs.byIp().values().stream().mapToLong(Long::longValue).sum();
    return TopAgreement.compare(
        "fail2ban-regex",
        "every client; its postfix filter matches every reject alike, so relay denials are the"
            + " matched lines with Postfix's reason text",
        ours.byIp(),
        theirs.byIp(),
        n,
        total,
        ours.total());
  }

  private static Map<String, Object> json(
      RelaywatchReport.RelayDenials ours, List<TopAgreement> results) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("relaywatchTotal", ours.total());
    json.put("relaywatchClients", ours.byIp().size());
    json.put("peers", results);
    json.put("agree", results.stream().allMatch(TopAgreement::agrees));
    return json;
  }

  private static List<String> lines(String file) throws IOException {
    return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    for (String required : List.of("--relaywatch", "--pflogsumm", "--fail2ban")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("missing " + required);
      }
    }
    return options;
  }
}
