package io.relaywatch.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.bench.soak.ExactlyOnceCheck.Delivered;
import io.relaywatch.bench.soak.ExactlyOnceCheck.Result;
import io.relaywatch.bench.soak.ExactlyOnceCheck.WrittenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactlyOnceCheckTest {
  @TempDir Path dir;

  @Test
  void shouldPassWhenEveryLineOfEveryFileIsDeliveredOnceInOrder() throws IOException {
    WrittenFile first = file("mail.log.1", "a one\n", "b two\n");
    WrittenFile second = file("mail.log", "c three\n", "d four");

    Result result =
        ExactlyOnceCheck.check(
            List.of(first, second),
            List.of(
                record("f1", first, 0), record("f1", first, 1),
                record("f2", second, 0), record("f2", second, 1)));

    assertThat(result).isEqualTo(new Result(4, 4, 0, 0, 0, 0));
    assertThat(result.passed()).isTrue();
  }

  @Test
  void shouldCountALostLine() throws IOException {
    WrittenFile f = file("mail.log", "a\n", "b\n", "c\n");

    Result result =
        ExactlyOnceCheck.check(List.of(f), List.of(record("f", f, 0), record("f", f, 2)));

    assertThat(result.lost()).isEqualTo(1);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void shouldCountADuplicatedLine() throws IOException {
    WrittenFile f = file("mail.log", "a\n", "b\n");

    Result result =
        ExactlyOnceCheck.check(
            List.of(f), List.of(record("f", f, 0), record("f", f, 1), record("f", f, 1)));

    assertThat(result.duplicated()).isEqualTo(1);
    assertThat(result.lost()).isZero();
    assertThat(result.passed()).isFalse();
  }

  @Test
  void shouldCountLinesOutOfFileOrder() throws IOException {
    WrittenFile f = file("mail.log", "a\n", "b\n", "c\n");

    Result result =
        ExactlyOnceCheck.check(
            List.of(f), List.of(record("f", f, 0), record("f", f, 2), record("f", f, 1)));

    assertThat(result.outOfOrder()).isEqualTo(1);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void shouldCountARecordWhoseBytesDifferFromTheLineAtItsOffset() throws IOException {
    WrittenFile f = file("mail.log", "a\n", "b\n");
    Delivered changed = new Delivered("f", f.offsets()[1], f.hashes()[1] + 1);

    Result result = ExactlyOnceCheck.check(List.of(f), List.of(record("f", f, 0), changed));

    assertThat(result.unmatched()).isEqualTo(1);
    assertThat(result.lost()).isEqualTo(1);
  }

  @Test
  void shouldReadOffsetsAsByteOffsetsOfLineStartsIncludingAnUnterminatedLastLine()
      throws IOException {
    WrittenFile f = file("mail.log", "é\n", "bb\n", "c");

    assertThat(f.offsets()).containsExactly(0, 3, 6);
  }

  private WrittenFile file(String name, String... lines) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, String.join("", lines), StandardCharsets.UTF_8);
    return SoakVerification.read(path);
  }

  private static Delivered record(String fileId, WrittenFile f, int line) {
    return new Delivered(fileId, f.offsets()[line], f.hashes()[line]);
  }
}
