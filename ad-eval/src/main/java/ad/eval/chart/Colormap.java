package ad.eval.chart;

import java.awt.Color;

/**
 * Sequential colour scales for values in [0, 1]: perceptually ordered, readable in greyscale print,
 * and light at the low end so that dark text stays legible on most cells.
 */
enum Colormap {
  /** Near-white to dark blue (ColorBrewer "Blues"): for a metric, darker = higher. */
  BLUES(new int[] {0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B}),
  /** Black through red and yellow to white ("inferno"-like): for error maps, where bright = large error. */
  INFERNO(new int[] {0x000004, 0x1B0C41, 0x4A0C6B, 0x781C6D, 0xA52C60, 0xCF4446, 0xED6925, 0xFB9B06,
      0xF7D13D, 0xFCFFA4});

  private final int[] stops;

  Colormap(int[] stops) {
    this.stops = stops;
  }

  /** The colour of {@code t} in [0, 1] (clamped); NaN gives a neutral grey. */
  Color at(double t) {
    if (Double.isNaN(t)) {
      return new Color(0xE0, 0xE0, 0xE0);
    }
    double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    int i = Math.min((int) Math.floor(x), stops.length - 2);
    double f = x - i;
    int a = stops[i];
    int b = stops[i + 1];
    return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
  }

  int rgb(double t) {
    return at(t).getRGB();
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
  }

  /** Black or white, whichever reads better on {@code background}. */
  static Color textOn(Color background) {
    double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen()
        + 0.0722 * background.getBlue();
    return luminance > 140 ? ChartStyle.TEXT : Color.WHITE;
  }
}
