package ad.eval.chart;

/** Makes AWT headless before it first loads, so charts render on servers and CI machines without a display. */
final class Headless {

  private Headless() {}

  /**
   * Sets {@code java.awt.headless=true} unless the JVM was told otherwise. AWT reads the property only
   * once, so this must run before the first chart or font is created; the chart classes call it from
   * their static initialisers.
   */
  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
