package ad.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ad.core.Dataset;
import ad.core.registry.OptionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticSourceTest {
  private static SyntheticSource source(long seed) {
    return new SyntheticSource(3, new SyntheticSource.Cluster(2000, List.of(0.0), List.of(1.0)),
        new SyntheticSource.Cluster(500, List.of(5.0, 6.0, 7.0), List.of(0.5)), seed);
  }

  @Test
  void generatesTheDeclaredClustersReproducibly() {
    Dataset d = source(3).load(null);
    assertEquals(2500, d.rows());
    assertEquals(500, d.anomalyCount());
    assertArrayEquals(d.values(), source(3).load(null).values());
    // Sample means land near the declared means (std error 1/sqrt(2000) ~ 0.022, 0.5/sqrt(500) ~ 0.022).
    double normalMean = 0;
    double anomalyMeanLast = 0;
    for (int i = 0; i < 2000; i++) {
      normalMean += d.value(i, 0) / 2000.0;
    }
    for (int i = 2000; i < 2500; i++) {
      anomalyMeanLast += d.value(i, 2) / 500.0;
    }
    assertEquals(0.0, normalMean, 0.1);
    assertEquals(7.0, anomalyMeanLast, 0.1);
  }

  @Test
  void validatesItsOptionsNamingTheKey() {
    OptionException e = assertThrows(OptionException.class,
        () -> new SyntheticSource(3, new SyntheticSource.Cluster(10, List.of(0.0, 1.0), null), null, null));
    assertEquals("normal.mean", e.field());
    assertEquals("dimensions", assertThrows(OptionException.class,
        () -> new SyntheticSource(0, new SyntheticSource.Cluster(10, null, null), null, null)).field());
    assertEquals("std", assertThrows(OptionException.class,
        () -> new SyntheticSource.Cluster(1, null, List.of(-1.0))).field());
  }
}
