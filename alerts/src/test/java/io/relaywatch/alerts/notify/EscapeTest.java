package io.relaywatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EscapeTest {
  @Test
  void shouldShowAnsiSequencesAsTextInsteadOfObeyingThem() {
    assertThat(Escape.terminal("helo=<\u001b[31mred\u001b[0m>"))
        .isEqualTo("helo=<\\x1b[31mred\\x1b[0m>");
    assertThat(Escape.terminal("\u001b]0;title\u0007")).isEqualTo("\\x1b]0;title\\x07");
    assertThat(Escape.terminal("csi\u009b2J del\u007f")).isEqualTo("csi\\x9b2J del\\x7f");
  }

  @Test
  void shouldKeepForgedLinesOnOneLine() {
    assertThat(Escape.terminal("a\r\nrelaywatch RESOLVED\tx"))
        .isEqualTo("a\\r\\nrelaywatch RESOLVED\\tx");
  }

  @Test
  void shouldExposeBidiOverrides() {
    assertThat(Escape.terminal("user\u202Egpj.exe")).isEqualTo("user\\u202egpj.exe");
    assertThat(Escape.terminal("a\u2066b\u2069")).isEqualTo("a\\u2066b\\u2069");
  }

  @Test
  void shouldLeaveOrdinaryTextAndUnicodeAlone() {
    String line = "RCPT from mail.bücher.example[2001:db8::1]: 554 5.7.1 <bob@example.org>";
    assertThat(Escape.terminal(line)).isEqualTo(line);
    assertThat(Escape.terminal(null)).isEmpty();
  }

  @Test
  void shouldEscapeHtmlMetacharacters() {
    assertThat(Escape.html("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    assertThat(Escape.html("&amp;")).isEqualTo("&amp;amp;");
  }

  @Test
  void shouldMakeMarkdownShowLinksAndEmphasisLiterally() {
    assertThat(Escape.markdown("[click](http://evil.example) *bold* `code` <b>"))
        .isEqualTo("\\[click\\]\\(http://evil\\.example\\) \\*bold\\* \\`code\\` \\<b\\>");
    assertThat(Escape.markdown("# heading\n- item")).isEqualTo("\\# heading\\\\n\\- item");
    assertThat(Escape.markdown("a\\b")).isEqualTo("a\\\\b");
  }

  @Test
  void shouldNeverLetAControlCharacterThroughForRandomInput() {
    Random random = new Random(20261128L);
    for (int i = 0; i < 2_000; i++) {
      String text = randomText(random);
      String terminal = Escape.terminal(text);
      String markdown = Escape.markdown(text);
      String html = Escape.html(text);
      assertThat(terminal.codePoints().filter(EscapeTest::isDangerous).count())
          .as("terminal(%s)", terminal)
          .isZero();
      assertThat(markdown.codePoints().filter(EscapeTest::isDangerous).count()).isZero();
      assertThat(html).doesNotContain("<", ">", "\"", "'");
      assertThat(unescapedMarkdownSpecials(markdown)).as("markdown(%s)", markdown).isZero();
    }
  }

  private static String randomText(Random random) {
    String alphabet = "ab1 <>&\"'[]()*_`#\\!|~.-\u001b\u0007\n\r\t\u0085\u009b\u202e\u2067ü";
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(40);
    for (int j = 0; j < n; j++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static boolean isDangerous(int cp) {
    return cp < 0x20
        || (cp >= 0x7f && cp <= 0x9f)
        || (cp >= 0x202a && cp <= 0x202e)
        || (cp >= 0x2066 && cp <= 0x2069);
  }

  // Each special character must be preceded by an odd run of backslashes.
  private static int unescapedMarkdownSpecials(String s) {
    int bad = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("`*_{}[]()#+-.!|<>~&".indexOf(c) >= 0) {
        int slashes = 0;
        for (int k = i - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
          slashes++;
        }
        if (slashes % 2 == 0) {
          bad++;
        }
      }
    }
    return bad;
  }
}
