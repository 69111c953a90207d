package io.relaywatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.bench.AdversarialLines.Shape;
import io.relaywatch.streams.parse.LineParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdversarialLinesTest {
  @ParameterizedTest
  @EnumSource(value = Shape.class, mode = EnumSource.Mode.EXCLUDE, names = "OVER_LIMIT")
  void shouldBuildEveryShapeAtExactlyTheLongestLineTheParserMustRead(Shape shape) {
    assertThat(shape.line()).hasSize(LineParser.MAX_LINE_CHARS);
  }

  @Test
  void shouldBuildTheOverLimitShapeOneCharacterTooLong() {
    assertThat(Shape.OVER_LIMIT.line()).hasSize(LineParser.MAX_LINE_CHARS + 1);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void shouldEndEveryShapeWithItsTail(Shape shape) {
    String line = shape.line();
    assertThat(line.substring(line.length() - 20)).doesNotContain("\n");
    assertThat(line.length()).isGreaterThan(60_000);
  }
}
