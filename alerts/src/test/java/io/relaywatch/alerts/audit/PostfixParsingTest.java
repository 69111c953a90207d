package io.relaywatch.alerts.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading main.cf / postconf -n and master.cf / postconf -M text, and $name expansion. */
class PostfixParsingTest {
  @Test
  void shouldJoinContinuationLinesAndSkipComments() {
    PostfixParameters p =
        PostfixParameters.parse(
            "# comment\nsmtpd_relay_restrictions = permit_mynetworks,\n"
                + "    permit_sasl_authenticated,\n\tdefer_unauth_destination\nbroken line\n"
                + "mynetworks=10.0.0.0/8\nmynetworks = 127.0.0.0/8\n");

    assertThat(p.get("smtpd_relay_restrictions"))
        .contains("permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination");
    assertThat(p.get("mynetworks")).contains("127.0.0.0/8");
    assertThat(p.malformed()).containsExactly("broken line");
  }

  @Test
  void shouldExpandReferencesAndBoundSelfReference() {
    Map<String, String> values =
        Map.of("a", "$b and ${c} and $(c)", "b", "B", "c", "C", "loop", "x $loop", "e", "");
    Expansion.Result r =
        Expansion.expand(
            "$a ${b?set} ${e?no}${e:empty} $$ $unknown.", n -> Optional.ofNullable(values.get(n)));

    assertThat(r.text()).isEqualTo("B and C and C set empty $ .");
    assertThat(r.complete()).isTrue();
    assertThat(Expansion.expand("$loop", n -> Optional.ofNullable(values.get(n))).complete())
        .isFalse();
    assertThat(Expansion.expand("${{$x} <level {2} ? {a} : {b}}", n -> Optional.empty()).complete())
        .isFalse();
  }

  @Test
  void shouldReadSmtpdServicesWithOverridesInBothSyntaxes() {
    List<SmtpdService> services =
        MasterServices.parse(
            "smtp      inet  n       -       y       -       1       postscreen\n"
                + "smtpd     pass  -       -       y       -       -       smtpd\n"
                + "#submission inet n - y - - smtpd\n"
                + "127.0.0.1:587 inet n - n - - smtpd\n"
                + "  -o smtpd_tls_security_level=encrypt\n"
                + "  -o { smtpd_relay_restrictions = permit_sasl_authenticated, reject }\n"
                + "pickup    unix  n       -       y       60      1       pickup\n");

    assertThat(services).extracting(SmtpdService::name).containsExactly("smtpd", "127.0.0.1:587");
    SmtpdService submission = services.get(1);
    assertThat(submission.isSubmission()).isTrue();
    assertThat(submission.chroot()).isFalse();
    assertThat(submission.overrides())
        .containsEntry("smtpd_tls_security_level", "encrypt")
        .containsEntry("smtpd_relay_restrictions", "permit_sasl_authenticated, reject");
    assertThat(submission.label()).isEmpty();
    assertThat(services.get(0).label()).contains("smtpd/pass");
  }

  @Test
  void shouldApplyCompatibilityLevelDefaults() {
    MainConfig old = new MainConfig(PostfixParameters.empty(), PostfixParameters.empty());
    MainConfig current =
        new MainConfig(
            PostfixParameters.parse("compatibility_level = 3.6\n"), PostfixParameters.empty());

    assertThat(old.text("smtpd_relay_restrictions")).isEmpty();
    assertThat(old.text("mynetworks_style")).isEqualTo("subnet");
    assertThat(current.text("smtpd_relay_restrictions"))
        .isEqualTo("permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination");
    assertThat(current.text("mynetworks_style")).isEqualTo("host");
  }
}
