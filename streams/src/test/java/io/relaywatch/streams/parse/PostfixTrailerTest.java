package io.relaywatch.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostfixTrailerTest {
  @Test
  void shouldSplitTheMessageFromTheFields() {
    PostfixTrailer t =
        PostfixTrailer.split(
            "<a@b.example>: Relay access denied; from=<x@y.example> to=<a@b.example> proto=ESMTP helo=<h>");

    assertThat(t.message()).isEqualTo("<a@b.example>: Relay access denied");
    assertThat(t.from()).isEqualTo("x@y.example");
    assertThat(t.to()).isEqualTo("a@b.example");
    assertThat(t.proto()).isEqualTo("ESMTP");
    assertThat(t.helo()).isEqualTo("h");
  }

  @Test
  void shouldReadPostscreenCommasAndPostfix310SaslFields() {
    PostfixTrailer postscreen =
        PostfixTrailer.split(
            "Service unavailable; client [192.0.2.1] blocked; from=<>, to=<a@b>, proto=ESMTP, helo=<x>");
    PostfixTrailer sasl =
        PostfixTrailer.split(
            "denied; from=<a@b> to=<c@d> proto=ESMTP helo=<h> sasl_method=PLAIN sasl_username=bob sasl_sender=");

    assertThat(postscreen.message()).isEqualTo("Service unavailable; client [192.0.2.1] blocked");
    assertThat(postscreen.from()).isEmpty();
    assertThat(postscreen.to()).isEqualTo("a@b");
    assertThat(postscreen.helo()).isEqualTo("x");
    assertThat(sasl.saslMethod()).isEqualTo("PLAIN");
    assertThat(sasl.saslUsername()).isEqualTo("bob");
  }

  @Test
  void shouldKeepAddressesHoldingSeparators() {
    PostfixTrailer t = PostfixTrailer.split("denied; from=<a>b,c@d> to=<e f@g> proto=SMTP");

    assertThat(t.from()).isEqualTo("a>b,c@d");
    assertThat(t.to()).isEqualTo("e f@g");
  }

  @Test
  void shouldReadTheTailOfCleanupRejects() {
    PostfixTrailer t =
        PostfixTrailer.fieldsOnly(
            "from=<a@b> to=<c@d> proto=ESMTP helo=<h>: 5.7.1 content rejected");

    assertThat(t.to()).isEqualTo("c@d");
    assertThat(t.tail()).isEqualTo("5.7.1 content rejected");
  }

  @Test
  void shouldLeaveTextWithoutFieldsAsTheMessage() {
    PostfixTrailer t = PostfixTrailer.split("too many connections");

    assertThat(t.message()).isEqualTo("too many connections");
    assertThat(t.to()).isNull();
  }
}
