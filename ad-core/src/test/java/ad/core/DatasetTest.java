package ad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private final Dataset data = Dataset.of("d", 3, 2, new float[] {1, 2, 3, 4, 5, 6},
      List.of("a", "b"), new boolean[] {false, true, false});

  @Test
  void selectCopiesRowsAndLabelsInTheGivenOrder() {
    Dataset picked = data.select(new int[] {2, 0, 2});
    assertArrayEquals(new float[] {5, 6, 1, 2, 5, 6}, picked.values());
    assertArrayEquals(new boolean[] {false, false, false}, picked.labels());
    assertEquals(0, picked.anomalyCount());
    assertEquals(1, data.anomalyCount());
  }

  @Test
  void valuesAreDefensiveCopies() {
    data.values()[0] = 99;
    assertEquals(1f, data.value(0, 0));
  }

  @Test
  void rejectsInconsistentShapes() {
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of("x", 2, 2, new float[3], List.of("a", "b"), null));
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of("x", 1, 2, new float[2], List.of("a"), null));
    assertThrows(IllegalArgumentException.class, () -> data.withSampleShape(28, 28, 1));
    assertEquals(2, data.withSampleShape(1, 2, 1).columns());
  }

  @Test
  void unlabelledDataRefusesLabelQueries() {
    Dataset unlabelled = Dataset.of("u", 1, 1, new float[] {1}, List.of("a"), null);
    assertThrows(IllegalStateException.class, unlabelled::anomalyCount);
  }

  @Test
  void detectorGuardRefusesAnomalousTrainingRows() {
    UserException e = assertThrows(UserException.class, () -> Detector.requireNormalOnly(data));
    assertEquals(true, e.getMessage().contains("1 rows labelled anomalous"));
  }
}
