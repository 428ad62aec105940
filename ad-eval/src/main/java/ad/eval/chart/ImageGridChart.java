package ad.eval.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The most anomalous test images beside what the model made of them: one row per image with the
 * original, its reconstruction and the per-pixel squared error (mean over channels), so one sees
 * <em>where</em> the model fails. All error maps share one colour scale (black = no error, pale
 * yellow = the largest error shown), so rows compare with each other.
 *
 * <p>Pixels are laid out row-major, channels last ({@code [height, width, channels]}, the
 * {@link ad.core.Dataset#sampleShape()} of an image), with 1 (grey) or 3 (RGB) channels. Values in
 * [0, 1] are shown as they are; otherwise each row is stretched over the range of its original and
 * reconstruction together. NaN pixels are grey.
 */
public final class ImageGridChart implements Drawing {

  static {
    Headless.ensure();
  }

  /**
   * One row of the grid.
   *
   * @param label shown left of the images, e.g. {@code #412  score 0.083  anomalous}
   * @param original the test image, {@code height * width * channels} values
   * @param reconstruction the model's output for it, same length
   */
  public record ImageRow(String label, float[] original, float[] reconstruction) {
    public ImageRow {
      Objects.requireNonNull(label, "label");
      if (original.length != reconstruction.length) {
        throw new IllegalArgumentException("image '" + label + "': " + original.length + " original vs "
            + reconstruction.length + " reconstructed values");
      }
      original = original.clone();
      reconstruction = reconstruction.clone();
    }
  }

  private static final int PAD = 16;
  private static final int TARGET = 120;
  private static final int GAP = 12;
  private static final int LABEL_WIDTH = 190;
  private static final int HEADER = 28;
  private static final Color NAN = new Color(0xBD, 0xBD, 0xBD);

  private final String title;
  private final int imageWidth;
  private final int imageHeight;
  private final int channels;
  private final List<ImageRow> rows;
  private final int scale;
  private final double maxError;

  public ImageGridChart(String title, int imageWidth, int imageHeight, int channels, List<ImageRow> rows) {
    if (imageWidth <= 0 || imageHeight <= 0 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException("images must be at least 1 x 1 with 1 or 3 channels, got "
          + imageWidth + " x " + imageHeight + " x " + channels);
    }
    this.title = title == null ? "" : title;
    this.imageWidth = imageWidth;
    this.imageHeight = imageHeight;
    this.channels = channels;
    this.rows = List.copyOf(rows);
    for (ImageRow row : this.rows) {
      if (row.original().length != imageWidth * imageHeight * channels) {
        throw new IllegalArgumentException("image '" + row.label() + "' has " + row.original().length
            + " values, expected " + imageWidth + " x " + imageHeight + " x " + channels);
      }
    }
    // Whole-pixel upscaling keeps pixels square and sharp; large images are shown 1:1.
    this.scale = Math.max(1, TARGET / Math.max(imageWidth, imageHeight));
    this.maxError = this.rows.stream().mapToDouble(r -> max(errors(r))).max().orElse(0);
  }

  /**
   * The indices of the {@code k} highest scores, highest first; ties go to the lower index and NaN
   * scores come last, so the choice is deterministic.
   */
  public static int[] mostAnomalous(double[] scores, int k) {
    Comparator<Integer> byScore = Comparator.comparingDouble(
        (Integer i) -> Double.isNaN(scores[i]) ? Double.NEGATIVE_INFINITY : scores[i]).reversed()
        .thenComparing(i -> Double.isNaN(scores[i]) ? 1 : 0)
        .thenComparingInt(i -> i);
    return IntStream.range(0, scores.length).boxed().sorted(byScore).limit(Math.max(0, k))
        .mapToInt(Integer::intValue).toArray();
  }

  private int cell() {
    return Math.max(imageWidth, imageHeight) * scale;
  }

  @Override
  public int width() {
    return PAD + LABEL_WIDTH + 3 * cell() + 2 * GAP + PAD;
  }

  @Override
  public int height() {
    return PAD + 30 + HEADER + Math.max(rows.size(), 1) * (cell() + GAP) + 40 + PAD;
  }

  @Override
  public void paint(Graphics2D g) {
    g.setColor(ChartStyle.TEXT);
    g.setFont(Canvas.TITLE);
    Canvas.centred(g, title, width() / 2.0, PAD + 10);
    int left = PAD + LABEL_WIDTH;
    int top = PAD + 30 + HEADER;
    g.setFont(Canvas.LABEL_BOLD);
    String[] headers = {"original", "reconstruction", "squared error"};
    for (int c = 0; c < 3; c++) {
      Canvas.centred(g, headers[c], left + c * (cell() + GAP) + cell() / 2.0, top - 14);
    }
    // Nearest-neighbour scaling: interpolation would blur the pixels the error map is about.
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    for (int r = 0; r < rows.size(); r++) {
      ImageRow row = rows.get(r);
      int y = top + r * (cell() + GAP);
      g.setFont(Canvas.LABEL);
      g.setColor(ChartStyle.TEXT);
      Canvas.rightAligned(g, Canvas.elide(Canvas.LABEL, row.label(), LABEL_WIDTH - 16), left - 12,
          y + cell() / 2.0);
      double[] range = range(row);
      drawImage(g, picture(row.original(), range), left, y);
      drawImage(g, picture(row.reconstruction(), range), left + cell() + GAP, y);
      drawImage(g, errorMap(errors(row)), left + 2 * (cell() + GAP), y);
    }
    if (rows.isEmpty()) {
      g.setFont(Canvas.LABEL);
      g.setColor(ChartStyle.MUTED);
      Canvas.centred(g, "no images", width() / 2.0, top + cell() / 2.0);
    }
    paintScale(g, top + Math.max(rows.size(), 1) * (cell() + GAP) + 8);
  }

  private void drawImage(Graphics2D g, BufferedImage image, int x, int y) {
    g.drawImage(image, x, y, imageWidth * scale, imageHeight * scale, null);
    g.setColor(ChartStyle.GRID);
    g.drawRect(x, y, imageWidth * scale - 1, imageHeight * scale - 1);
  }

  private void paintScale(Graphics2D g, int y) {
    int barWidth = cell();
    int x = PAD + LABEL_WIDTH + 2 * (cell() + GAP);
    for (int i = 0; i < barWidth; i++) {
      g.setColor(Colormap.INFERNO.at(i / (barWidth - 1.0)));
      g.fillRect(x + i, y, 1, 10);
    }
    g.setFont(Canvas.SMALL);
    g.setColor(ChartStyle.MUTED);
    Canvas.rightAligned(g, "0", x - 4, y + 5);
    Canvas.centred(g, "max " + ChartNumbers.format(maxError), x + barWidth / 2.0, y + 24);
  }

  /** The display range of a row: [0, 1] when its values lie there, else their own min and max. */
  private static double[] range(ImageRow row) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (float[] values : List.of(row.original(), row.reconstruction())) {
      for (float v : values) {
        if (Float.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi || (lo >= -1e-6 && hi <= 1 + 1e-6)) {
      return new double[] {0, 1};
    }
    return new double[] {lo, hi == lo ? lo + 1 : hi};
  }

  private BufferedImage picture(float[] values, double[] range) {
    BufferedImage image = new BufferedImage(imageWidth, imageHeight, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < imageHeight; y++) {
      for (int x = 0; x < imageWidth; x++) {
        int base = (y * imageWidth + x) * channels;
        int[] rgb = new int[3];
        boolean nan = false;
        for (int k = 0; k < 3; k++) {
          float v = values[base + (channels == 1 ? 0 : k)];
          nan |= !Float.isFinite(v);
          double t = (v - range[0]) / (range[1] - range[0]);
          rgb[k] = (int) Math.round(255 * Math.max(0, Math.min(1, t)));
        }
        image.setRGB(x, y, nan ? NAN.getRGB() : (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
      }
    }
    return image;
  }

  private BufferedImage errorMap(double[] errors) {
    BufferedImage image = new BufferedImage(imageWidth, imageHeight, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < errors.length; i++) {
      double t = maxError > 0 ? errors[i] / maxError : 0;
      image.setRGB(i % imageWidth, i / imageWidth, Double.isNaN(t) ? NAN.getRGB() : Colormap.INFERNO.rgb(t));
    }
    return image;
  }

  /** Squared error per pixel, averaged over channels. */
  private double[] errors(ImageRow row) {
    double[] out = new double[imageWidth * imageHeight];
    float[] a = row.original();
    float[] b = row.reconstruction();
    for (int p = 0; p < out.length; p++) {
      double sum = 0;
      for (int k = 0; k < channels; k++) {
        double d = a[p * channels + k] - b[p * channels + k];
        sum += d * d;
      }
      out[p] = sum / channels;
    }
    return out;
  }

  private static double max(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).max().orElse(0);
  }

  @Override
  public String toString() {
    return "ImageGridChart[" + title + ", " + rows.size() + " rows of " + imageWidth + " x " + imageHeight + "]";
  }
}
