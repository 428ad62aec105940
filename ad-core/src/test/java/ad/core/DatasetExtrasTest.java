package ad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetExtrasTest {
  private static Dataset data() {
    return Dataset.of("d", 3, 1, new float[] {1, 2, 3}, List.of("x"), new boolean[] {false, true, false})
        .withCategoricalColumns(List.of(new CategoricalColumn("c", List.of("a", "b"), new int[] {0, 1, 1})))
        .withParts(new Dataset.Part[] {Dataset.Part.TRAIN, Dataset.Part.TEST, Dataset.Part.TEST});
  }

  @Test
  void extrasFollowSelectionAndCopies() {
    Dataset picked = data().select(new int[] {2, 1}).select(new int[] {1});
    assertArrayEquals(new int[] {1}, picked.rowIds());
    assertEquals("b", picked.categoricalColumns().get(0).value(0));
    assertEquals(Dataset.Part.TEST, picked.part(0));
    Dataset scaled = picked.withValues(new float[] {9}).withName("n");
    assertEquals(1, scaled.rowId(0));
    assertEquals(1, scaled.categoricalColumns().size());
    assertTrue(scaled.hasParts());
  }

  @Test
  void plainDatasetsHaveIdentityRowIdsAndNoExtras() {
    Dataset plain = Dataset.of("p", 2, 1, new float[] {1, 2}, List.of("x"), null);
    assertArrayEquals(new int[] {0, 1}, plain.rowIds());
    assertTrue(plain.categoricalColumns().isEmpty());
    assertFalse(plain.hasParts());
    assertThrows(IllegalStateException.class, () -> plain.part(0));
  }

  @Test
  void rejectsMismatchedExtras() {
    Dataset plain = Dataset.of("p", 2, 1, new float[] {1, 2}, List.of("x"), null);
    assertThrows(IllegalArgumentException.class, () -> plain.withCategoricalColumns(
        List.of(new CategoricalColumn("c", List.of("a"), new int[] {0}))));
    assertThrows(IllegalArgumentException.class, () -> plain.withParts(new Dataset.Part[] {Dataset.Part.TRAIN}));
    assertThrows(IllegalArgumentException.class,
        () -> new CategoricalColumn("c", List.of("a"), new int[] {1}));
  }
}
