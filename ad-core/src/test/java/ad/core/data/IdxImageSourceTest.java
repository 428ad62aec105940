package ad.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.RealData;
import ad.core.UserException;
import ad.core.registry.OptionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdxImageSourceTest {
  private static final String FASHION = "images/fashion-mnist/";

  private static IdxImageSource fashionTest(List<Integer> normal, List<Integer> anomalous, Integer limit,
      long seed) {
    return new IdxImageSource(FASHION + "t10k-images-idx3-ubyte.gz", FASHION + "t10k-labels-idx1-ubyte.gz",
        null, null, normal, anomalous, limit, seed);
  }

  @Test
  void oneClassSliceWithPixelsInUnitRange() {
    Dataset d = fashionTest(List.of(0), null, 20, 0).load(RealData.context());
    assertEquals(200, d.rows());
    assertEquals(180, d.anomalyCount());
    assertArrayEquals(new int[] {28, 28, 1}, d.sampleShape());
    assertEquals(784, d.columns());
    float min = 1;
    float max = 0;
    for (float v : d.values()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(0f, min);
    assertEquals(1f, max);
    assertFalse(d.hasParts());
    // The slice is drawn with the data seed.
    assertArrayEquals(d.values(), fashionTest(List.of(0), null, 20, 0).load(RealData.context()).values());
    assertFalse(java.util.Arrays.equals(d.values(),
        fashionTest(List.of(0), null, 20, 1).load(RealData.context()).values()));
  }

  @Test
  void anomalyClassesAndAllImagesOfMnist() {
    Dataset d = new IdxImageSource("images/mnist/t10k-images-idx3-ubyte.gz",
        "images/mnist/t10k-labels-idx1-ubyte.gz", null, null, null, List.of(3, 5), null, null)
        .load(RealData.context());
    assertEquals(10000, d.rows());
    assertEquals(1010 + 892, d.anomalyCount());
  }

  @Test
  void trainAndTestFilesArePaired() {
    Dataset d = new IdxImageSource(FASHION + "train-images-idx3-ubyte.gz",
        FASHION + "train-labels-idx1-ubyte.gz", FASHION + "t10k-images-idx3-ubyte.gz",
        FASHION + "t10k-labels-idx1-ubyte.gz", List.of(7), null, 5, 3L).load(RealData.context());
    assertEquals(100, d.rows());
    assertEquals(Dataset.Part.TRAIN, d.part(49));
    assertEquals(Dataset.Part.TEST, d.part(50));
    assertEquals(90, d.anomalyCount());
  }

  @Test
  void wrongFilesAndOptionsAreExplained() {
    DataContext context = RealData.context();
    UserException e = assertThrows(UserException.class, () -> new IdxImageSource(
        FASHION + "t10k-labels-idx1-ubyte.gz", FASHION + "t10k-labels-idx1-ubyte.gz", null, null,
        List.of(0), null, null, null).load(context));
    assertTrue(e.getMessage().contains("not an IDX image file (magic number 2049, expected 2051)"),
        e.getMessage());
    assertEquals("normal_classes", assertThrows(OptionException.class,
        () -> fashionTest(List.of(0), List.of(1), null, 0)).field());
    assertEquals("normal_classes", assertThrows(OptionException.class,
        () -> fashionTest(List.of(300), null, null, 0)).field());
    assertEquals("test_labels", assertThrows(OptionException.class, () -> new IdxImageSource("a", "b",
        "c", null, List.of(0), null, null, null)).field());
    assertTrue(assertThrows(UserException.class, () -> fashionTest(List.of(12), null, null, 0)
        .load(context)).getMessage().contains("no image of class 12"));
  }
}
