package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks that a file is a real, drawn-on PNG rather than an empty or single-colour one. */
final class PngAssertions {

  private PngAssertions() {}

  static BufferedImage assertDrawnPng(Path png, int width, int height) throws IOException {
    assertTrue(Files.size(png) > 0, png + " is empty");
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, png + " is not a readable image");
    assertEquals(width, image.getWidth(), "width");
    assertEquals(height, image.getHeight(), "height");
    assertDrawn(image);
    return image;
  }

  /** More than a background: several colours, and a fair share of pixels differing from the corner's. */
  static void assertDrawn(BufferedImage image) {
    int w = image.getWidth();
    int[] pixels = image.getRGB(0, 0, w, image.getHeight(), null, 0, w);
    int background = pixels[0];
    long needed = pixels.length / 200;
    Set<Integer> colours = new HashSet<>();
    long different = 0;
    for (int rgb : pixels) {
      if (rgb != background) {
        different++;
        if (colours.size() < 3) {
          colours.add(rgb);
        }
        if (different > needed && colours.size() >= 2) {
          return;
        }
      }
    }
    throw new AssertionError("the image is (nearly) blank: " + different + " of " + pixels.length
        + " pixels differ from the background, in " + colours.size() + " other colours");
  }
}
