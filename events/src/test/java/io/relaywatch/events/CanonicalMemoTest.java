package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CanonicalMemoTest {
  @Test
  void shouldCanonicaliseARepeatedTextOnce() {
    AtomicInteger calls = new AtomicInteger();
    CanonicalMemo memo =
        new CanonicalMemo(
            text -> {
              calls.incrementAndGet();
              return text.toLowerCase(Locale.ROOT);
            });

    assertThat(memo.get("2001:DB8::7")).isEqualTo("2001:db8::7");
    assertThat(memo.get("2001:DB8::7")).isEqualTo("2001:db8::7");
    assertThat(calls).hasValue(1);
  }

  @Test
  void shouldRememberThatATextIsNoAddress() {
    AtomicInteger calls = new AtomicInteger();
    CanonicalMemo memo =
        new CanonicalMemo(
            text -> {
              calls.incrementAndGet();
              return null;
            });

    assertThat(memo.get("unknown")).isNull();
    assertThat(memo.get("unknown")).isNull();
    assertThat(calls).hasValue(1);
  }

  @Test
  void shouldAnswerEachTextForItselfWhenFarMoreTextsThanSlotsCompete() {
    Random random = new Random(5952);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      texts.add(randomIpv6Text(random));
    }
    List<String> twice = new ArrayList<>(texts);
    twice.addAll(texts);
    Collections.shuffle(twice, random);

    for (String text : twice) {
      assertThat(IpAddresses.canonical(text))
          .as(text)
          .isEqualTo(IpAddresses.parse(text).toCanonicalString());
    }
  }

  /** An IPv6 address as a log might write it: upper or lower case, zeros kept or compressed. */
  private static String randomIpv6Text(Random r) {
    StringBuilder text = new StringBuilder("2001:DB8");
    for (int group = 0; group < 6; group++) {
      int value = r.nextInt(4) == 0 ? 0 : r.nextInt(0x10000);
      String hex = r.nextBoolean() ? String.format("%04x", value) : Integer.toHexString(value);
      text.append(':').append(r.nextBoolean() ? hex.toUpperCase(Locale.ROOT) : hex);
    }
    return text.toString();
  }
}
