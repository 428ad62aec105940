package ad.eval.output;

import ad.eval.chart.ChartFiles;
import ad.eval.chart.Drawing;
import java.nio.file.Path;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes the charts of a run in its {@code chart_format}. The PNG is always written, because the HTML
 * report embeds PNGs (small, and drawn the same in every browser); {@code svg} adds an SVG of the same
 * chart beside it ({@code x.png} and {@code x.svg}) for papers and slides.
 */
public final class ChartOutput {
  private final ChartFiles.Format format;

  public ChartOutput(ChartFiles.Format format) {
    this.format = format;
  }

  /** Writes {@code png} (and its SVG twin when asked for); returns {@code png}. */
  public Path write(Chart<?, ?> chart, Path png) {
    ChartFiles.writePng(chart, png);
    if (format == ChartFiles.Format.SVG) {
      ChartFiles.writeSvg(chart, svg(png));
    }
    return png;
  }

  public Path write(Drawing drawing, Path png) {
    ChartFiles.writePng(drawing, png);
    if (format == ChartFiles.Format.SVG) {
      ChartFiles.writeSvg(drawing, svg(png));
    }
    return png;
  }

  private static Path svg(Path png) {
    String name = png.getFileName().toString();
    return png.resolveSibling(name.substring(0, name.length() - ".png".length()) + ".svg");
  }
}
