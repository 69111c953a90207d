package io.relaywatch.bench.agreement;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far a peer's top-N clients agree with relaywatch's: how many of relaywatch's top N are in the
 * peer's top N, and for how many of them the peer counts exactly as many relay denials. Both lists
 * rank by count, then by key, so equal counts give equal lists.
 *
 * @param peer the peer's name
 * @param scope which clients were compared, when not all of them
 * @param of the number of clients compared (N, or fewer when there are fewer clients)
 * @param inTop how many of relaywatch's top clients are also in the peer's top
 * @param countsEqual how many of relaywatch's top clients the peer counts equally
 * @param peerTotal relay denials the peer saw in all
 * @param referenceTotal relay denials relaywatch saw in all
 * @param differences one line per differing client, empty when they agree
 */
public record TopAgreement(
    String peer,
    String scope,
    int of,
    int inTop,
    int countsEqual,
    long peerTotal,
    long referenceTotal,
    List<String> differences) {

  /** Compares the top {@code n} of {@code reference} (relaywatch) and {@code peerCounts}. */
  public static TopAgreement compare(
      String peer,
      String scope,
      Map<String, Long> reference,
      Map<String, Long> peerCounts,
      int n,
      long peerTotal,
      long referenceTotal) {
    List<String> top = top(reference, n);
    Set<String> peerTop = new HashSet<>(top(peerCounts, n));
    int inTop = 0;
    int equal = 0;
    List<String> differences = new ArrayList<>();
    for (String key : top) {
      Long theirs = peerCounts.get(key);
      inTop += peerTop.contains(key) ? 1 : 0;
      if (reference.get(key).equals(theirs)) {
        equal++;
      } else {
        differences.add(key + ": relaywatch " + reference.get(key) + ", " + peer + " " + theirs);
      }
    }
    if (inTop < top.size()) {
      differences.add(peer + "'s top " + n + ": " + top(peerCounts, n));
    }
    return new TopAgreement(
        peer, scope, top.size(), inTop, equal, peerTotal, referenceTotal, List.copyOf(differences));
  }

  /** The keys of the {@code n} largest counts, largest first, ties by key. */
  static List<String> top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream()
        .sorted(
            Comparator.comparing(Map.Entry<String, Long>::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** True when every compared client is in both tops with equal counts, and the totals match. */
  @JsonProperty
  public boolean agrees() {
    return inTop == of && countsEqual == of && peerTotal == referenceTotal;
  }

  /** The line the harness prints, e.g. {@code top-10 agree: 10/10, counts equal: 10/10}. */
  @JsonProperty
  public String line() {
    return String.format(
        "%s: top-%d agree: %d/%d, counts equal: %d/%d; relay denials in all: %,d (relaywatch"
            + " %,d)%s",
        peer,
        of,
        inTop,
        of,
        countsEqual,
        of,
        peerTotal,
        referenceTotal,
        scope.isEmpty() ? "" : "; compared: " + scope);
  }
}
