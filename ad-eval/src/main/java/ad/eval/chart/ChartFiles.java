package ad.eval.chart;

import ad.eval.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts to PNG files.
 *
 * <p>The write is atomic ({@link AtomicFiles}): a reader watching the output folder, or a run killed
 * half-way, sees either the old file or the complete new one, never a truncated PNG.
 */
public final class ChartFiles {

  static {
    Headless.ensure();
  }

  private ChartFiles() {}

  /**
   * Renders {@code chart} at its own (fixed) width and height and writes it to {@code png}, creating
   * parent directories and replacing any existing file.
   *
   * @return {@code png}
   */
  public static Path writePng(Chart<?, ?> chart, Path png) {
    Objects.requireNonNull(chart, "chart");
    // Rendered before any file exists, so a rendering error leaves nothing behind.
    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
    AtomicFiles.write(png, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer available in this JVM");
      }
    });
    return png;
  }
}
