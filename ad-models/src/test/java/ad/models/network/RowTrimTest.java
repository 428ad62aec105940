package ad.models.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which rows of a batch a trim keeps. */
class RowTrimTest {

  @Test
  void dropsTheRoundedShareOfEachBatchAndKeepsOneRowAtLeast() {
    RowTrim trim = new RowTrim(0.1);
    assertEquals(58, trim.kept(64), "6.4 rounds to 6 dropped");
    assertEquals(29, trim.kept(32), "3.2 rounds to 3");
    assertEquals(4, trim.kept(4), "0.4 rounds to none: a small last batch trains whole");
    assertEquals(1, new RowTrim(0.49).kept(1));
    assertEquals(64, RowTrim.NONE.kept(64));
    assertFalse(RowTrim.NONE.active());
    assertThrows(IllegalArgumentException.class, () -> new RowTrim(1.0));
    assertThrows(IllegalArgumentException.class, () -> new RowTrim(-0.1));
  }

  @Test
  void keepsTheLowestLossesFirstRowsAmongTiesAndDropsNaNFirst() {
    RowTrim trim = new RowTrim(0.375);
    boolean[] keep = new boolean[8];
    // 8 rows, 3 dropped: the NaN, the 9 and one of the two 5s (the later one).
    double[] losses = {5, 1, Double.NaN, 5, 9, 2, 3, 0};
    assertEquals(5, trim.select(losses, 8, keep));
    assertArrayEquals(new boolean[] {true, true, false, false, false, true, true, true}, keep);
    boolean[] all = new boolean[3];
    assertEquals(3, RowTrim.NONE.select(new double[] {3, 2, 1}, 3, all));
    assertTrue(all[0] && all[1] && all[2]);
  }

  @Test
  void compactsTheKeptRowsInOrder() {
    float[] rows = {1, 1, 2, 2, 3, 3, 4, 4};
    float[] out = new float[8];
    assertEquals(2, RowTrim.compact(rows, 2, new boolean[] {false, true, false, true}, 4, out));
    assertArrayEquals(new float[] {2, 2, 4, 4}, java.util.Arrays.copyOf(out, 4));
  }

  @Test
  void theMeanOfASetLeavesOutItsHighestLossesAsABatchDoes() {
    double[] losses = {4, 1, 1000, 3, 2};
    assertEquals(2.5, new RowTrim(0.2).mean(losses), "the lowest 4 of 5");
    assertEquals(202, RowTrim.NONE.mean(losses));
    assertEquals(4, new RowTrim(0.9).mean(new double[] {4}), "one row is always kept");
  }
}
