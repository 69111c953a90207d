package io.relaywatch.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A horizontal bar chart of each figure's ratio to its baseline from the same run, on a log axis
 * (ratios run from hundredths to tens), with a line at 1 (as good as the baseline) and, where an
 * issue sets a target ratio, that target as a second bar.
 */
final class RatioChart {
  private RatioChart() {}

  static void writePng(List<Figure> figures, Path png, int width, int height) throws IOException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    ChartUtils.saveChartAsPNG(png.toFile(), chart(figures), width, height);
  }

  static JFreeChart chart(List<Figure> figures) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Figure f : figures) {
      if (!f.hasBaseline()) {
        continue;
      }
      String label = label(f);
      data.addValue(f.ratio(), "measured ratio", label);
      if (f.target().kind() == Figure.Target.Kind.RATIO_AT_LEAST) {
        data.addValue(f.target().bound(), "target ratio", label);
      }
    }
    LogAxis ratioAxis = new LogAxis("ratio to the baseline measured in the same run (log scale)");
    ratioAxis.setSmallestValue(0.01);
    // Ticks at powers of ten (log space), printed as plain numbers: 0.1, 1, 10.
    ratioAxis.setTickUnit(new NumberTickUnit(1.0));
    ratioAxis.setNumberFormatOverride(new DecimalFormat("0.###"));
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), ratioAxis, new BarRenderer());
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ValueMarker baseline = new ValueMarker(1.0, Color.BLACK, new BasicStroke(1.5f));
    baseline.setLabel("baseline = 1");
    plot.addRangeMarker(baseline);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, new Color(0x1f77b4));
    renderer.setSeriesPaint(1, new Color(0xbbbbbb));
    renderer.setShadowVisible(false);
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.00")));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    // Bars start at the axis minimum, not at 0, which a log axis cannot show.
    renderer.setIncludeBaseInRange(false);
    JFreeChart chart =
        new JFreeChart(
            "relaywatch: each figure as a ratio to its baseline",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /**
   * A short bar label: the figure without the product name, the peer it is measured against or the
   * run's parameters, then its baseline; marked when a smaller ratio is the better one.
   */
  static String label(Figure f) {
    String name =
        f.name()
            .replaceFirst("^relaywatch ", "")
            .replaceFirst(", against .*$", "")
            .replaceFirst(" \\(\\d[^)]*\\)$", "");
    return name + " vs " + f.baselineName() + (f.higherIsBetter() ? "" : " (lower is better)");
  }
}
