package ad.eval.chart;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * SVG through VectorGraphics2D 0.13 (XChart's vector backend, a dependency of ad-eval). This does what
 * XChart's {@code VectorGraphicsEncoder} does, but for any {@link Drawing}, not only XChart charts.
 */
final class VectorSvg {

  private VectorSvg() {}

  static byte[] render(Drawing drawing) {
    VectorGraphics2D g = new VectorGraphics2D();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, drawing.width(), drawing.height());
      drawing.paint(g);
    } finally {
      g.dispose();
    }
    Processor svg = new SVGProcessor();
    Document document = svg.getDocument(g.getCommands(),
        new PageSize(0.0, 0.0, drawing.width(), drawing.height()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      document.writeTo(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write SVG to memory", e);
    }
    return out.toByteArray();
  }
}
