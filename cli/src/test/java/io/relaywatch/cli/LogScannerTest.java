package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.streams.parse.LineParser;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import io.relaywatch.streams.report.MailLogReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The block-parallel scan must hand on exactly what a line-by-line scan would. */
class LogScannerTest {
  private static final Instant REFERENCE = Instant.parse("2026-11-28T12:00:00Z");
  private static final LineParser PARSER = MailLogParser.create(ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void shouldGiveTheSameResultsInTheSameOrderAsALineByLineScan() throws Exception {
    byte[] log = generatedLog(new Random(20261128), 60_000);
    Path file = Files.write(dir.resolve("mail.log"), log);

    List<ParseResult> parallel = new ArrayList<>();
    assertThat(scanner(file, 3).scan(parallel::add, read -> true)).isTrue();

    List<ParseResult> sequential = lineByLine(log);
    assertThat(parallel).hasSize(sequential.size()).isEqualTo(sequential);
    assertThat(parallel).filteredOn(ParseResult.Parsed.class::isInstance).hasSizeGreaterThan(5000);
  }

  @Test
  void shouldReportTheSameSummaryWithOneWorkerOrMany() throws Exception {
    Path file = Files.write(dir.resolve("mail.log"), generatedLog(new Random(7), 40_000));
    MailLogReport one = new MailLogReport();
    MailLogReport many = new MailLogReport();

    scanner(file, 1).scan(one::add, read -> true);
    scanner(file, 4).scan(many::add, read -> true);

    assertThat(many.summary(50)).isEqualTo(one.summary(50));
  }

  @Test
  void shouldStopWhenProgressSaysSo() throws Exception {
    Path file = Files.write(dir.resolve("mail.log"), generatedLog(new Random(3), 40_000));
    List<ParseResult> seen = new ArrayList<>();

    boolean complete = scanner(file, 2).scan(seen::add, read -> false);

    assertThat(complete).isFalse();
    assertThat(seen).hasSize(LogScanner.CHECK_EVERY_LINES);
  }

  private LogScanner scanner(Path file, int workers) throws InputException {
    LogInput input = LogInput.check(file.toString(), () -> new ByteArrayInputStream(new byte[0]));
    return new LogScanner(List.of(input), PARSER, () -> REFERENCE, workers);
  }

  /** The scan as it was before blocks: one line at a time on one thread. */
  private static List<ParseResult> lineByLine(byte[] log) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(log));
    List<ParseResult> results = new ArrayList<>();
    for (String line = reader.next(); line != null; line = reader.next()) {
      results.add(
          reader.truncated()
              ? new ParseResult.Unparsed(
                  "too long", null, null, line.substring(0, LineParser.MAX_LINE_CHARS))
              : PARSER.parse(line, REFERENCE));
    }
    return results;
  }

  /**
   * Mail log lines of every kind the parser knows, with CRLF endings, invalid UTF-8, empty lines,
   * lines longer than the reader keeps (one longer than a block) and no final newline.
   */
  static byte[] generatedLog(Random random, int lines) throws IOException {
    String[] samples = {
      "Nov  3 10:33:27 mx1 postfix/smtpd[1234]: connect from unknown[192.0.2.7]",
      "Nov  3 10:33:27 mx1 postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[192.0.2.%d]:"
          + " 554 5.7.1 <info@outside%d.example>: Relay access denied;"
          + " from=<spam@sender.example> to=<info@outside.example> proto=ESMTP helo=<x>",
      "Nov  3 10:33:28 mx1 postfix/smtpd[1234]: disconnect from unknown[2001:db8::%d] ehlo=1"
          + " mail=2 rcpt=0/2 quit=1 commands=4/6",
      "Nov  3 10:36:00 mx1 postfix/smtpd[1302]: NOQUEUE: reject: RCPT from"
          + " mail.example.org[198.51.100.%d]: 550 5.1.1 <nobody@example.test>: Recipient address"
          + " rejected: User unknown in local recipient table; from=<a@b.example>"
          + " to=<nobody@example.test> proto=ESMTP helo=<mail.example.org>",
      "Nov  3 10:37:00 mx1 postfix/submission/smtpd[1400]: warning: unknown[203.0.113.%d]: SASL"
          + " LOGIN authentication failed: UGFzc3dvcmQ6, sasl_username=admin",
      "Nov  3 10:38:00 mx1 postfix/submission/smtpd[1401]: warning: SASL: Connect to Dovecot auth"
          + " socket 'private/auth' failed: No such file or directory",
      "Nov  3 10:39:00 mx1 postfix/qmgr[900]: 4BCD12345: from=<a@example.test>, size=1234",
      "Nov  3 10:39:01 mx1 postfix/submission/smtpd[1402]: 4BCD12345: client=laptop[10.0.0.%d],"
          + " sasl_method=PLAIN, sasl_username=alice@example.test",
      "Nov  3 10:40:00 mx1 postfix/smtpd[1500]: warning: hostname x.example does not resolve",
      "2026-11-03T10:41:00.123+01:00 mx1 exim[77]: H=(x) [192.0.2.%d] F=<a@b.example> rejected"
          + " RCPT <c@d.example>: relay not permitted",
      "Nov  3 10:42:00 mx1 postfix/smtpd[1600]: NOQUEUE: reject: garbage %d",
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < lines; i++) {
      int kind = random.nextInt(100);
      if (kind == 0) {
        out.write(new byte[0]);
      } else if (kind == 1) {
        out.write(new byte[] {'N', 'o', 'v', ' ', (byte) 0xff, (byte) 0xc3, 'r', 'e', 'j'});
        out.write("ect warning: \u00e9".getBytes(StandardCharsets.UTF_8));
      } else if (i == lines / 3) {
        out.write("x reject ".repeat(LineBlocks.BLOCK_BYTES / 9 + 5).getBytes());
      } else if (kind == 2 && random.nextInt(20) == 0) {
        out.write("warning: ".repeat(LineReader.MAX_LINE_BYTES / 9 + 2).getBytes());
      } else {
        String sample = samples[random.nextInt(samples.length)];
        out.write(sample.replace("%d", Integer.toString(random.nextInt(300))).getBytes());
      }
      if (i < lines - 1) {
        out.write(random.nextInt(10) == 0 ? "\r\n".getBytes() : "\n".getBytes());
      }
    }
    return out.toByteArray();
  }
}
