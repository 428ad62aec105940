package ad.eval.chart;

import ad.eval.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts to PNG (the default) or SVG files.
 *
 * <p>The write is atomic ({@link AtomicFiles}): a reader watching the output folder, or a run killed
 * half-way, sees either the old file or the complete new one, never a truncated image. Rendering
 * happens before any file is created, so a rendering error leaves nothing behind.
 *
 * <p>SVG is drawn with VectorGraphics2D (0.13, XChart's vector backend), which ad-eval depends on.
 */
public final class ChartFiles {

  static {
    Headless.ensure();
  }

  /** The image formats charts can be written in. */
  public enum Format {
    @com.fasterxml.jackson.annotation.JsonProperty("png") PNG,
    @com.fasterxml.jackson.annotation.JsonProperty("svg") SVG;

    /** The file extension without the dot: {@code png}, {@code svg}. */
    public String extension() {
      return name().toLowerCase(Locale.ROOT);
    }
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
    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
    AtomicFiles.write(png, out -> writePng(image, out));
    return png;
  }

  /** Renders {@code drawing} on a white background and writes it to {@code png}. */
  public static Path writePng(Drawing drawing, Path png) {
    BufferedImage image = toImage(drawing);
    AtomicFiles.write(png, out -> writePng(image, out));
    return png;
  }

  /** Writes {@code chart} as SVG. */
  public static Path writeSvg(Chart<?, ?> chart, Path svg) {
    return writeSvg(Drawing.of(chart), svg);
  }

  /** Writes {@code drawing} as SVG. */
  public static Path writeSvg(Drawing drawing, Path svg) {
    byte[] bytes = VectorSvg.render(drawing);
    AtomicFiles.write(svg, bytes);
    return svg;
  }

  /** Writes {@code chart} in {@code format} to {@code file} (whose extension the caller chooses). */
  public static Path write(Chart<?, ?> chart, Path file, Format format) {
    return format == Format.SVG ? writeSvg(chart, file) : writePng(chart, file);
  }

  /** Writes {@code drawing} in {@code format} to {@code file} (whose extension the caller chooses). */
  public static Path write(Drawing drawing, Path file, Format format) {
    return format == Format.SVG ? writeSvg(drawing, file) : writePng(drawing, file);
  }

  /** The drawing as PNG bytes, e.g. to embed in a page without a file. */
  public static byte[] toPngBytes(Drawing drawing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writePng(toImage(drawing), out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode PNG", e);
    }
    return out.toByteArray();
  }

  /** Renders a drawing onto a white RGB image with anti-aliased shapes and text. */
  static BufferedImage toImage(Drawing drawing) {
    Objects.requireNonNull(drawing, "drawing");
    BufferedImage image = new BufferedImage(drawing.width(), drawing.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, drawing.width(), drawing.height());
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      drawing.paint(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void writePng(BufferedImage image, OutputStream out) throws IOException {
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer available in this JVM");
    }
  }
}
