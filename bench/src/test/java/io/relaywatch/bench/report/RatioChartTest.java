package io.relaywatch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatioChartTest {

  @Test
  void shouldWriteAPngOfTheRequestedSizeWithBarsOnIt(@TempDir Path dir) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Path png = dir.resolve("charts/ratios.png");
    List<Figure> figures =
        List.of(
            new Figure(
                "report",
                700_000,
                "lines/s",
                "pflogsumm",
                150_000,
                true,
                Figure.Target.ratioAtLeast(5)),
            new Figure(
                "streams", 18_000, "lines/s", "pass-through", 60_000, true, Figure.Target.NONE),
            Figure.absolute("rss", 120, "MB", false, Figure.Target.valueAtMost(256)));

    RatioChart.writePng(figures, png, 800, 400);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(Files.size(png)).isGreaterThan(5_000);
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(400);
    assertThat(countPixels(image, 0x1f77b4)).as("pixels of the measured bars").isGreaterThan(500);
  }

  @Test
  void shouldChartOnlyFiguresWithABaseline() {
    var chart =
        RatioChart.chart(
            List.of(
                new Figure("a", 2, "x", "b", 1, true, Figure.Target.NONE),
                Figure.absolute("rss", 120, "MB", false, Figure.Target.NONE)));

    assertThat(chart.getCategoryPlot().getDataset().getColumnKeys()).containsExactly("a vs b");
  }

  @Test
  void shouldShortenLabelsAndMarkWhereLowerIsBetter() {
    Figure rss =
        new Figure(
            "relaywatch report, peak RSS, against pflogsumm",
            180,
            "MB",
            "pflogsumm",
            120,
            false,
            Figure.Target.NONE);
    Figure latency =
        new Figure(
            "line to alert, p99 ms (5,000 lines/s background, 200 probes)",
            900,
            "ms",
            "line to relaywatch.raw-lines",
            300,
            false,
            Figure.Target.NONE);

    assertThat(RatioChart.label(rss)).isEqualTo("report, peak RSS vs pflogsumm (lower is better)");
    assertThat(RatioChart.label(latency))
        .isEqualTo("line to alert, p99 ms vs line to relaywatch.raw-lines (lower is better)");
  }

  private static int countPixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
      }
    }
    return n;
  }
}
