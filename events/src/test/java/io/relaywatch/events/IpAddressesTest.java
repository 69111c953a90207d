package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
  @ParameterizedTest
  @CsvSource({
    "192.0.2.7, 192.0.2.7",
    "2001:DB8::1, 2001:db8::1",
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "IPv6:2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "::ffff:192.0.2.9, 192.0.2.9",
    "::1, ::1",
  })
  void shouldWriteAddressesInCanonicalForm(String logged, String canonical) {
    assertThat(IpAddresses.canonical(logged)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "unknown",
        "mail.example.com",
        "10.0.0.0/8",
        "1.2.3.*",
        "300.1.1.1",
        "10.1.2",
        "0x0a.1.2.3",
        "167772161"
      })
  void shouldRefuseWhatIsNotOneLiteralAddress(String text) {
    assertThat(IpAddresses.canonical(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "256.1.1.1", "1.2.3.256", "1..2.3",
        "1.2.3.4 ", " 1.2.3.4", "1.2.3.", ".1.2.3", "1.2.3.4a", "1234.1.1.1", "1.2.3.-1"
      })
  void shouldLeaveDottedQuadsThatAreNotCanonicalToTheLibrary(String text) {
    assertThat(IpAddresses.isPlainDottedQuad(text)).isFalse();
  }

  @Test
  void shouldGiveTheSameCanonicalFormAsTheLibraryOnGeneratedText() {
    Random random = new Random(20261128);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      texts.add(randomDottedText(random));
    }
    texts.addAll(List.of("0.0.0.0", "255.255.255.255", "10.0.0.1", "192.168.000.1", "0.0.0.00"));
    int fastPathTaken = 0;
    for (String text : texts) {
      IPAddress library = IpAddresses.parse(text);
      String expected = library == null ? null : library.toCanonicalString();
      assertThat(IpAddresses.canonical(text)).as(text).isEqualTo(expected);
      if (IpAddresses.isPlainDottedQuad(text)) {
        fastPathTaken++;
        assertThat(expected).as(text).isEqualTo(text);
      }
    }
    assertThat(fastPathTaken).isGreaterThan(10_000);
  }

  /** Text near a dotted quad: numbers up to 999 with optional leading zeros, odd separators. */
  private static String randomDottedText(Random random) {
    StringBuilder text = new StringBuilder();
    int parts = 3 + random.nextInt(3);
    for (int p = 0; p < parts; p++) {
      if (p > 0) {
        text.append(random.nextInt(40) == 0 ? ":" : ".");
      }
      int value = random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextInt(256);
      String digits = Integer.toString(value);
      if (random.nextInt(20) == 0) {
        digits = "0" + digits;
      }
      text.append(random.nextInt(100) == 0 ? "" : digits);
    }
    if (random.nextInt(50) == 0) {
      text.append(random.nextBoolean() ? " " : "x");
    }
    return text.toString();
  }
}
