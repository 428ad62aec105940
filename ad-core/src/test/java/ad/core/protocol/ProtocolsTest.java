package ad.core.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.RealData;
import ad.core.UserException;
import ad.core.data.CsvSource;
import ad.core.registry.OptionException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolsTest {
  private static Dataset thyroid() {
    return new CsvSource("tabular/thyroid.csv.gz", null, null, null, null, null, null, null)
        .load(RealData.context());
  }

  /** 1000 rows, every 10th anomalous, the first 600 marked TRAIN. */
  private static Dataset withParts() {
    float[] v = new float[1000];
    boolean[] labels = new boolean[1000];
    Dataset.Part[] parts = new Dataset.Part[1000];
    for (int i = 0; i < 1000; i++) {
      v[i] = i;
      labels[i] = i % 10 == 0;
      parts[i] = i < 600 ? Dataset.Part.TRAIN : Dataset.Part.TEST;
    }
    return Dataset.of("p", 1000, 1, v, List.of("x"), labels).withParts(parts);
  }

  private static Set<Integer> ids(Dataset d) {
    Set<Integer> out = new HashSet<>();
    for (int id : d.rowIds()) {
      out.add(id);
    }
    return out;
  }

  private static void assertDisjoint(Dataset a, Dataset b) {
    Set<Integer> common = ids(a);
    common.retainAll(ids(b));
    assertTrue(common.isEmpty(), "rows in both parts: " + common);
  }

  @Test
  void unsupervisedIsStratifiedSeededAndContaminated() {
    Dataset d = thyroid(); // 3772 rows, 93 anomalies
    Split s = new UnsupervisedProtocol(null, null).split(d, 5);
    assertEquals(Math.round(3679 * 0.3) + Math.round(93 * 0.3), s.test().rows());
    assertEquals(28, s.test().anomalyCount());
    assertEquals(93 - 28, s.train().anomalyCount());
    assertEquals(3772, s.train().rows() + s.test().rows());
    assertDisjoint(s.train(), s.test());
    // The threshold is fitted on the training part itself.
    assertSame(s.train(), s.validation());
    assertArrayEquals(s.test().rowIds(), new UnsupervisedProtocol(null, null).split(d, 5).test().rowIds());
    assertFalse(Arrays.equals(s.test().rowIds(),
        new UnsupervisedProtocol(null, null).split(d, 6).test().rowIds()));
  }

  @Test
  void unsupervisedCanHoldOutAContaminatedValidationPart() {
    Split s = new UnsupervisedProtocol(0.3, 0.25).split(thyroid(), 1);
    assertDisjoint(s.train(), s.validation());
    assertDisjoint(s.validation(), s.test());
    assertEquals(Math.round(65 * 0.25), s.validation().anomalyCount());
    assertEquals(3772, s.train().rows() + s.validation().rows() + s.test().rows());
  }

  @Test
  void noveltyHoldoutTestsOnAllRowsAndTrainsOnNormalRowsOfTheRest() {
    Dataset d = thyroid();
    Split s = new HoldoutNoveltyProtocol(0.5, null, false).split(d, 3);
    assertEquals(1886, s.test().rows());
    assertEquals(0, s.train().anomalyCount());
    assertDisjoint(s.train(), s.test());
    // Train = the normal rows of the other half.
    int anomaliesInRest = d.anomalyCount() - s.test().anomalyCount();
    assertEquals(3772 - 1886 - anomaliesInRest, s.train().rows());
    assertSame(s.train(), s.validation());

    Split stratified = new HoldoutNoveltyProtocol(0.5, 0.1, null).split(d, 3);
    assertEquals(Math.round(93 * 0.5), stratified.test().anomalyCount());
    assertEquals(0, stratified.validation().anomalyCount());
    assertDisjoint(stratified.train(), stratified.validation());
  }

  @Test
  void fixedKeepsTheGivenParts() {
    Dataset d = withParts();
    Split normalOnly = new FixedProtocol(null, null).split(d, 1);
    assertEquals(400, normalOnly.test().rows());
    assertEquals(40, normalOnly.test().anomalyCount());
    assertEquals(0, normalOnly.train().anomalyCount());
    assertEquals(540, normalOnly.train().rows() + normalOnly.validation().rows());
    assertEquals(108, normalOnly.validation().rows());
    for (int id : normalOnly.train().rowIds()) {
      assertTrue(id < 600);
    }
    for (int id : normalOnly.test().rowIds()) {
      assertTrue(id >= 600);
    }
    assertDisjoint(normalOnly.train(), normalOnly.validation());
    assertNotEquals(Arrays.toString(normalOnly.validation().rowIds()),
        Arrays.toString(new FixedProtocol(null, null).split(d, 2).validation().rowIds()));

    Split all = new FixedProtocol(FixedProtocol.TrainOn.ALL, 0.0).split(d, 1);
    assertEquals(600, all.train().rows());
    assertEquals(60, all.train().anomalyCount());
    assertSame(all.train(), all.validation());
  }

  @Test
  void fixedRefusesDataWithoutPartsAndBadOptions() {
    Dataset withoutParts = thyroid();
    UserException e = assertThrows(UserException.class,
        () -> new FixedProtocol(null, null).split(withoutParts, 1));
    assertTrue(e.getMessage().contains("test_path"), e.getMessage());
    assertEquals("validation_fraction", assertThrows(OptionException.class,
        () -> new FixedProtocol(null, 1.0)).field());
    assertEquals("test_fraction", assertThrows(OptionException.class,
        () -> new UnsupervisedProtocol(0.0, null)).field());
  }
}
