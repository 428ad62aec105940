package ad.eval.chart;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;

/** Text helpers for the charts drawn with Java2D: measuring before a Graphics exists, centring, eliding. */
final class Canvas {

  static {
    Headless.ensure();
  }

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font LABEL_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private Canvas() {}

  static double width(Font font, String text) {
    return font.getStringBounds(text, FRC).getWidth();
  }

  /** {@code text}, shortened with an ellipsis until it fits in {@code max} pixels. */
  static String elide(Font font, String text, double max) {
    if (width(font, text) <= max) {
      return text;
    }
    String s = text;
    while (!s.isEmpty() && width(font, s + "\u2026") > max) {
      s = s.substring(0, s.length() - 1);
    }
    return s + "\u2026";
  }

  /** Draws {@code text} centred horizontally on {@code cx} with its vertical middle at {@code cy}. */
  static void centred(Graphics2D g, String text, double cx, double cy) {
    FontMetrics m = g.getFontMetrics();
    float x = (float) (cx - m.getStringBounds(text, g).getWidth() / 2);
    float y = (float) (cy + (m.getAscent() - m.getDescent()) / 2.0);
    g.drawString(text, x, y);
  }

  /** Draws {@code text} ending at {@code right}, vertically centred on {@code cy}. */
  static void rightAligned(Graphics2D g, String text, double right, double cy) {
    FontMetrics m = g.getFontMetrics();
    float x = (float) (right - m.getStringBounds(text, g).getWidth());
    g.drawString(text, x, (float) (cy + (m.getAscent() - m.getDescent()) / 2.0));
  }

  /** Draws {@code text} starting at {@code left}, vertically centred on {@code cy}. */
  static void leftAligned(Graphics2D g, String text, double left, double cy) {
    FontMetrics m = g.getFontMetrics();
    g.drawString(text, (float) left, (float) (cy + (m.getAscent() - m.getDescent()) / 2.0));
  }

  /** A scratch graphics for measuring with font metrics before the real canvas exists. */
  static Graphics2D scratch() {
    return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
  }
}
