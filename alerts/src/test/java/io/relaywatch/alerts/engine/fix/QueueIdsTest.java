package io.relaywatch.alerts.engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueueIdsTest {
  @Test
  void shouldAcceptBothPostfixQueueIdForms() {
    assertThat(QueueIds.valid("4F3B21C0A1")).isTrue();
    assertThat(QueueIds.valid("4Rk3Xq1TLBz9sWq")).isTrue();
    assertThat(QueueIds.valid("ABCDE")).as("shorter than six").isFalse();
    assertThat(QueueIds.valid("4Rk3Xq1TLBa9sWq")).as("a vowel in the long form").isFalse();
    assertThat(QueueIds.valid("NOQUEUE")).isFalse();
    assertThat(QueueIds.valid(null)).isFalse();
  }

  @Test
  void shouldNeverLetShellCharactersIntoAHoldCommand() {
    Random random = new Random(20261128);
    String alphabet = "0123456789ABCDEFbcdz ;|&$`'\"()<>*?\\\n-ALL";
    for (int i = 0; i < 20_000; i++) {
      List<String> ids = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        StringBuilder id = new StringBuilder();
        int length = 4 + random.nextInt(16);
        for (int c = 0; c < length; c++) {
          id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        ids.add(id.toString());
      }
      assertThat(QueueIds.holdCommands(ids))
          .allSatisfy(cmd -> assertThat(cmd).matches("postsuper -h [0-9A-Za-z]{6,20}"));
    }
  }

  @Test
  void shouldHoldEachValidIdOnceAndNothingElse() {
    assertThat(QueueIds.holdCommands(List.of("4F3B21C0A1", "4F3B21C0A1", "ALL", "x;rm")))
        .containsExactly("postsuper -h 4F3B21C0A1");
  }
}
