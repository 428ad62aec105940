package ad.core.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ad.core.Dataset;
import ad.core.UserException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalerTest {
  private static Dataset table(String name, float... values) {
    return Dataset.of(name, values.length / 2, 2, values, List.of("a", "b"), null);
  }

  @Test
  void minMaxUsesTrainingStatisticsOnlyAndDoesNotClip() {
    Dataset train = table("train", 0, 10, 2, 10, 4, 10); // column b constant
    Dataset test = table("test", 8, 11, -2, 10);
    FittedScaler fitted = new MinMaxScaler().fit(train);
    assertArrayEquals(new float[] {0, 0, 0.5f, 0, 1, 0}, fitted.transform(train).values(), 1e-6f);
    // 8 -> (8 - 0) / 4 = 2 (outside [0, 1], on purpose); constant column only shifted.
    assertArrayEquals(new float[] {2, 1, -0.5f, 0}, fitted.transform(test).values(), 1e-6f);
  }

  @Test
  void standardUsesPopulationStatisticsOfTraining() {
    Dataset train = table("train", 1, 5, 3, 5); // mean 2, std 1; column b constant
    FittedScaler fitted = new StandardScaler().fit(train);
    assertArrayEquals(new float[] {-1, 0, 1, 0}, fitted.transform(train).values(), 1e-6f);
    assertArrayEquals(new float[] {3, 1}, fitted.transform(table("t", 5, 6)).values(), 1e-6f);
  }

  @Test
  void refusesEmptyTrainingAndWrongWidth() {
    assertThrows(UserException.class, () -> new MinMaxScaler().fit(table("empty")));
    FittedScaler fitted = new StandardScaler().fit(table("train", 1, 2, 3, 4));
    Dataset wide = Dataset.of("wide", 1, 3, new float[3], List.of("a", "b", "c"), null);
    UserException e = assertThrows(UserException.class, () -> fitted.transform(wide));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("2 columns"));
  }
}
