package ad.eval.chart;

import java.awt.Graphics2D;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A picture of a fixed size drawn with Java2D: the charts XChart has no type for (critical-difference
 * diagram, image grid, heatmap with our own layout) and composites of XChart charts. Painting the same
 * drawing twice must give the same picture, so {@link ChartFiles} can write it as PNG or SVG alike.
 */
public interface Drawing {

  int width();

  int height();

  /** Paints onto {@code g}, whose origin is the drawing's top-left corner; the background is not yet filled. */
  void paint(Graphics2D g);

  /** An XChart chart as a drawing, at the chart's own size. */
  static Drawing of(Chart<?, ?> chart) {
    Objects.requireNonNull(chart, "chart");
    return new Drawing() {
      @Override
      public int width() {
        return chart.getWidth();
      }

      @Override
      public int height() {
        return chart.getHeight();
      }

      @Override
      public void paint(Graphics2D g) {
        chart.paint(g, chart.getWidth(), chart.getHeight());
      }
    };
  }
}
