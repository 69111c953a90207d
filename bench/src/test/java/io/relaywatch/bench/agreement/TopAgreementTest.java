package io.relaywatch.bench.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopAgreementTest {

  @Test
  void shouldAgreeWhenCountsAreEqualWhateverTheMapOrder() {
    Random random = new Random(8);
    for (int round = 0; round < 50; round++) {
      Map<String, Long> ours = new HashMap<>();
      for (int i = 0; i < 40; i++) {
        ours.put("192.0.2." + i, (long) 1 + random.nextInt(5)); // many ties
      }
      Map<String, Long> theirs = new HashMap<>(ours);

      TopAgreement result = TopAgreement.compare("peer", "", ours, theirs, 10, 7, 7);

      assertThat(result.agrees()).isTrue();
      assertThat(result.line()).startsWith("peer: top-10 agree: 10/10, counts equal: 10/10;");
    }
  }

  @Test
  void shouldNameTheClientAPeerCountsDifferently() {
    Map<String, Long> ours = Map.of("192.0.2.1", 9L, "192.0.2.2", 5L, "192.0.2.3", 1L);
    Map<String, Long> theirs = Map.of("192.0.2.1", 9L, "192.0.2.2", 4L, "192.0.2.3", 1L);

    TopAgreement result = TopAgreement.compare("peer", "", ours, theirs, 2, 15, 15);

    assertThat(result.agrees()).isFalse();
    assertThat(result.inTop()).isEqualTo(2);
    assertThat(result.countsEqual()).isEqualTo(1);
    assertThat(result.differences()).containsExactly("192.0.2.2: relaywatch 5, peer 4");
  }

  @Test
  void shouldCountAClientMissingFromThePeersTop() {
    Map<String, Long> ours = Map.of("192.0.2.1", 9L, "192.0.2.2", 5L);
    Map<String, Long> theirs = Map.of("192.0.2.1", 9L, "192.0.2.9", 6L);

    TopAgreement result = TopAgreement.compare("peer", "", ours, theirs, 2, 15, 15);

    assertThat(result.inTop()).isEqualTo(1);
    assertThat(result.line()).contains("top-2 agree: 1/2, counts equal: 1/2");
  }

  @Test
  void shouldDisagreeWhenOnlyTheTotalsDiffer() {
    Map<String, Long> counts = Map.of("192.0.2.1", 9L);

    assertThat(TopAgreement.compare("peer", "", counts, counts, 10, 10, 9).agrees()).isFalse();
  }
}
