package io.relaywatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JournalEntryFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static JsonNode entry(String json) throws Exception {
    return JSON.readTree(json.replace('\'', '"'));
  }

  private static String line(String json, ZoneId zone) throws Exception {
    return new String(JournalEntryFormat.line(entry(json), zone), StandardCharsets.UTF_8);
  }

  @Test
  void shouldPrintTheEntryLikeShortIsoPrecise() throws Exception {
    String json =
        "{'__REALTIME_TIMESTAMP':'1795870191680196','_HOSTNAME':'mx1',"
            + "'SYSLOG_IDENTIFIER':'postfix/smtpd','_PID':'6800','MESSAGE':'NOQUEUE: reject'}";

    assertThat(line(json, UTC))
        .isEqualTo("2026-11-28T12:49:51.680196+00:00 mx1 postfix/smtpd[6800]: NOQUEUE: reject");
  }

  @Test
  void shouldWriteTheTimeInTheGivenZoneWithItsOffset() throws Exception {
    String json = "{'__REALTIME_TIMESTAMP':'1795870191000001','_HOSTNAME':'h','MESSAGE':'m'}";

    assertThat(line(json, ZoneId.of("Europe/Berlin")))
        .isEqualTo("2026-11-28T13:49:51.000001+01:00 h m");
  }

  @Test
  void shouldFallBackToSyslogPidAndToTheCommandName() throws Exception {
    String json =
        "{'__REALTIME_TIMESTAMP':'0','_HOSTNAME':'h','_COMM':'exim4','SYSLOG_PID':'42',"
            + "'MESSAGE':'x'}";

    assertThat(line(json, UTC)).isEqualTo("1970-01-01T00:00:00.000000+00:00 h exim4[42]: x");
  }

  @Test
  void shouldLeaveOutThePidWhenThereIsNone() throws Exception {
    String json = "{'_HOSTNAME':'h','SYSLOG_IDENTIFIER':'postfix/qmgr','MESSAGE':'removed'}";

    assertThat(line(json, UTC)).isEqualTo("h postfix/qmgr: removed");
  }

  @Test
  void shouldKeepTheBytesOfABinaryMessage() throws Exception {
    String json =
        "{'_HOSTNAME':'h','SYSLOG_IDENTIFIER':'t','MESSAGE':[98,105,110,32,255,254,0,120]}";

    byte[] line = JournalEntryFormat.line(entry(json), UTC);

    byte[] expected = {
      'h', ' ', 't', ':', ' ', 'b', 'i', 'n', ' ', (byte) 0xff, (byte) 0xfe, 0, 'x'
    };
    assertThat(line).isEqualTo(expected);
  }

  @Test
  void shouldPrintAnEmptyMessageWhenJournalctlSendsNull() throws Exception {
    String json = "{'_HOSTNAME':'h','SYSLOG_IDENTIFIER':'t','MESSAGE':null}";

    assertThat(line(json, UTC)).isEqualTo("h t: ");
  }

  @Test
  void shouldTakeTheFirstValueOfAFieldWrittenTwice() throws Exception {
    String json = "{'_HOSTNAME':'h','SYSLOG_IDENTIFIER':['a',[98]],'MESSAGE':'m'}";

    assertThat(line(json, UTC)).isEqualTo("h a: m");
  }

  @Test
  void shouldReadTheCursorAsTheEntryIdentity() throws Exception {
    assertThat(JournalEntryFormat.cursor(entry("{'__CURSOR':'s=1;i=2','MESSAGE':'m'}")))
        .isEqualTo("s=1;i=2");
    assertThat(JournalEntryFormat.cursor(entry("{'MESSAGE':'m'}"))).isNull();
  }
}
