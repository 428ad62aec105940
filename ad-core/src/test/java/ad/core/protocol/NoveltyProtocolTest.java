package ad.core.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ad.core.Dataset;
import ad.core.UserException;
import ad.core.registry.OptionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoveltyProtocolTest {
  /** 100 normal rows then 10 anomalies; each row's single value is its index, to trace it. */
  private static Dataset data() {
    float[] v = new float[110];
    boolean[] labels = new boolean[110];
    for (int i = 0; i < 110; i++) {
      v[i] = i;
      labels[i] = i >= 100;
    }
    return Dataset.of("d", 110, 1, v, List.of("x"), labels);
  }

  @Test
  void trainsOnNormalRowsOnlyAndPutsEveryAnomalyInTest() {
    Split s = new NoveltyProtocol(0.2, 0.2).split(data(), 7);
    assertEquals(60, s.train().rows());
    assertEquals(20, s.validation().rows());
    assertEquals(30, s.test().rows());
    assertEquals(0, s.train().anomalyCount());
    assertEquals(0, s.validation().anomalyCount());
    assertEquals(10, s.test().anomalyCount());
    // The three parts are disjoint and cover every row.
    boolean[] seen = new boolean[110];
    for (Dataset part : List.of(s.train(), s.validation(), s.test())) {
      for (float value : part.values()) {
        assertFalse(seen[(int) value], "row " + value + " is in two parts");
        seen[(int) value] = true;
      }
    }
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    NoveltyProtocol p = new NoveltyProtocol(null, null);
    assertArrayEquals(p.split(data(), 1).train().values(), p.split(data(), 1).train().values());
    assertFalse(java.util.Arrays.equals(p.split(data(), 1).train().values(),
        p.split(data(), 2).train().values()));
  }

  @Test
  void refusesImpossibleOptionsAndData() {
    OptionException e = assertThrows(OptionException.class, () -> new NoveltyProtocol(0.5, 0.6));
    assertEquals("test_fraction", e.field());
    assertThrows(OptionException.class, () -> new NoveltyProtocol(-0.1, null));
    Dataset onlyAnomalies = Dataset.of("a", 2, 1, new float[2], List.of("x"), new boolean[] {true, true});
    assertThrows(UserException.class, () -> new NoveltyProtocol(null, null).split(onlyAnomalies, 1));
    Dataset unlabelled = Dataset.of("u", 2, 1, new float[2], List.of("x"), null);
    assertThrows(UserException.class, () -> new NoveltyProtocol(null, null).split(unlabelled, 1));
  }
}
