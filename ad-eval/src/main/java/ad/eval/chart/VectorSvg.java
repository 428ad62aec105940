package ad.eval.chart;

import ad.core.UserException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;

/**
 * SVG through VectorGraphics2D 0.13, reached by reflection: the library is an optional dependency of
 * XChart, and PNG output must keep working where it is absent. This does what XChart's
 * {@code VectorGraphicsEncoder} does, but for any {@link Drawing}, not only XChart charts.
 */
final class VectorSvg {
  private static final String GRAPHICS = "de.erichseifert.vectorgraphics2d.VectorGraphics2D";
  private static final String PROCESSOR = "de.erichseifert.vectorgraphics2d.svg.SVGProcessor";
  private static final String PROCESSOR_API = "de.erichseifert.vectorgraphics2d.Processor";
  private static final String DOCUMENT_API = "de.erichseifert.vectorgraphics2d.Document";
  private static final String SEQUENCE = "de.erichseifert.vectorgraphics2d.intermediate.CommandSequence";
  private static final String PAGE_SIZE = "de.erichseifert.vectorgraphics2d.util.PageSize";

  private VectorSvg() {}

  static boolean available() {
    try {
      Class.forName(GRAPHICS, false, VectorSvg.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  static byte[] render(Drawing drawing) {
    if (!available()) {
      throw new UserException("SVG charts need de.erichseifert.vectorgraphics2d:VectorGraphics2D:0.13 on the "
          + "classpath (an optional dependency of XChart); use PNG, or add that dependency");
    }
    try {
      ClassLoader loader = VectorSvg.class.getClassLoader();
      Class<?> graphicsType = Class.forName(GRAPHICS, true, loader);
      Graphics2D g = (Graphics2D) graphicsType.getConstructor().newInstance();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, drawing.width(), drawing.height());
      drawing.paint(g);
      Object commands = graphicsType.getMethod("getCommands").invoke(g);
      Class<?> pageSizeType = Class.forName(PAGE_SIZE, true, loader);
      Object pageSize = pageSizeType.getConstructor(double.class, double.class, double.class, double.class)
          .newInstance(0.0, 0.0, (double) drawing.width(), (double) drawing.height());
      Object processor = Class.forName(PROCESSOR, true, loader).getConstructor().newInstance();
      // Through the public interfaces: the implementing classes need not be public.
      Object document = Class.forName(PROCESSOR_API, true, loader)
          .getMethod("getDocument", Class.forName(SEQUENCE, true, loader), pageSizeType)
          .invoke(processor, commands, pageSize);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Class.forName(DOCUMENT_API, true, loader).getMethod("writeTo", OutputStream.class).invoke(document, out);
      g.dispose();
      return out.toByteArray();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("SVG rendering failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("VectorGraphics2D is on the classpath but not the expected 0.13 API: " + e,
          e);
    }
  }
}
