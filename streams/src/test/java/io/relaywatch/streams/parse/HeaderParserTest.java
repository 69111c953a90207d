package io.relaywatch.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderParserTest {
  private static final Instant REFERENCE = Instant.parse("2026-11-28T12:00:00Z");
  private final HeaderParser berlin = new HeaderParser(ZoneId.of("Europe/Berlin"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Nov  3 10:33:27 mx1 postfix/smtpd[1234]: msg | 2026-11-03T10:33:27+01:00 | mx1 | postfix/smtpd | 1234",
        "Nov 3 10:33:27 mx1 postfix/smtpd[1234]: msg | 2026-11-03T10:33:27+01:00 | mx1 | postfix/smtpd | 1234",
        "Jul 13 10:33:27.250 mx1 postfix/smtpd[1]: msg | 2026-07-13T10:33:27.250+02:00 | mx1 | postfix/smtpd | 1",
        "Nov  3 10:33:27 postfix/smtpd[1234]: msg | 2026-11-03T10:33:27+01:00 | | postfix/smtpd | 1234",
        "<22>Nov  3 10:33:27 mx1 postfix/smtpd[1234]: msg | 2026-11-03T10:33:27+01:00 | mx1 | postfix/smtpd | 1234",
        "2026-11-03T10:33:27Z mx1 postfix/smtpd[1234]: msg | 2026-11-03T10:33:27Z | mx1 | postfix/smtpd | 1234",
        "2026-11-03T10:33:27.123456+05:30 mx1 exim[7]: msg | 2026-11-03T10:33:27.123456+05:30 | mx1 | exim | 7",
        "2026-11-03T10:33:27+0100 mx1 postfix/smtpd[1234]: msg | 2026-11-03T10:33:27+01:00 | mx1 | postfix/smtpd | 1234",
        "2026-11-03T10:33:27.000001-0500 mx1 sm-mta[9]: msg | 2026-11-03T10:33:27.000001-05:00 | mx1 | sm-mta | 9",
        "<34>1 2026-11-03T10:33:27.1Z mx1 postfix/smtpd 1234 - - msg | 2026-11-03T10:33:27.100Z | mx1 | postfix/smtpd | 1234",
        "<34>1 2026-11-03T10:33:27Z - sendmail - ID47 [a@1 k=\"v\\]\"] msg | 2026-11-03T10:33:27Z | | sendmail | ",
        "Nov  3 10:33:27 mx1 sendmail[99]: [ID 801593 mail.info] msg | 2026-11-03T10:33:27+01:00 | mx1 | sendmail | 99",
        "Jun 17 14:37:39 <mail.info> robin sm-mta[2794]: msg | 2026-06-17T14:37:39+02:00 | robin | sm-mta | 2794",
        "2026-06-29 15:33:46 [4321] msg | 2026-06-29T15:33:46+02:00 | | exim | 4321",
        "2026-06-29 15:33:46 msg | 2026-06-29T15:33:46+02:00 | | exim | ",
        "2026-06-29 15:33:46.123 +0000 msg | 2026-06-29T15:33:46.123Z | | exim | ",
        "2019-10-22 03:39:17 mx1 exim[29786]: msg | 2019-10-22T03:39:17+02:00 | mx1 | exim | 29786",
      })
  void shouldReadEveryHeaderFormat(
      String line, String timestamp, String host, String program, Integer pid) {
    LineHeader header = berlin.parse(line, REFERENCE);

    assertThat(header).as(line).isNotNull();
    assertThat(header.timestamp().toString()).isEqualTo(timestamp);
    assertThat(header.host()).isEqualTo(host);
    assertThat(header.program()).isEqualTo(program);
    assertThat(header.pid()).isEqualTo(pid);
    assertThat(line.substring(header.bodyStart())).isEqualTo("msg");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage",
        "Nov",
        "Nov  3",
        "Foo  3 10:33:27 mx1 postfix/smtpd[1]: msg",
        "Nov 33 10:33:27 mx1 postfix/smtpd[1]: msg",
        "Nov  3 25:33:27 mx1 postfix/smtpd[1]: msg",
        "Nov  3 10:33:27 mx1 no tag here",
        "2026-13-03T10:33:27Z mx1 postfix/smtpd[1]: msg",
        "2026-11-03T10:33:27 mx1 postfix/smtpd[1]: msg",
        "2026-11-03X10:33:27Z mx1 postfix/smtpd[1]: msg",
        "<999>Nov  3 10:33:27 mx1 postfix/smtpd[1]: msg",
        "<34>1 2026-11-03T10:33:27Z mx1 - 1 - - msg",
      })
  void shouldRefuseWhatIsNoKnownHeader(String line) {
    assertThat(berlin.parse(line, REFERENCE)).isNull();
  }
}
