package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
  @Test
  void shouldEscapeTerminalControlCharacters() {
    assertThat(TerminalText.safe("evil\u001b[2Jname\r\n\u009b", 100))
        .isEqualTo("evil\\x1b[2Jname\\x0d\\x0a\\x9b");
  }

  @Test
  void shouldEscapeDirectionOverrides() {
    assertThat(TerminalText.safe("user\u202egpj.exe", 100)).isEqualTo("user\\u202egpj.exe");
  }

  @Test
  void shouldKeepOrdinaryTextIncludingNonAscii() {
    assertThat(TerminalText.safe("j\u00fcrgen@b\u00fccher.example", 100))
        .isEqualTo("j\u00fcrgen@b\u00fccher.example");
  }

  @Test
  void shouldCutLongTextVisibly() {
    assertThat(TerminalText.safe("a".repeat(50), 10)).isEqualTo("aaaaaaa...");
    assertThat(TerminalText.safe("\u001b".repeat(10), 10)).hasSize(10).endsWith("...");
    assertThat(TerminalText.safe(null, 10)).isEqualTo("-");
  }
}
