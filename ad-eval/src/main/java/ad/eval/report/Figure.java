package ad.eval.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A chart to embed: a PNG (or SVG) file, read when the report is written, and its caption.
 *
 * @param image the chart file; {@code .png} or {@code .svg}
 * @param caption shown under the chart; may be empty
 * @param wide whether the chart gets a row of its own at its natural size (heatmaps, diagrams, image
 *     grids, series) rather than half a row beside another chart (curves, histograms)
 */
public record Figure(Path image, String caption, boolean wide) {

  public Figure {
    Objects.requireNonNull(image, "image");
    caption = caption == null ? "" : caption;
  }

  /** A half-row figure. */
  public Figure(Path image, String caption) {
    this(image, caption, false);
  }

  /** A figure on a row of its own. */
  public static Figure wide(Path image, String caption) {
    return new Figure(image, caption, true);
  }
}
