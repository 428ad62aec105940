package ad.core.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void robustUsesMedianAndQuartilesSoAnOutlierDoesNotSetTheScale() {
    // Column a: 1, 2, 3, 4, 1000 -> median 3, quartiles 2 and 4 (IQR 2); the outlier moves neither.
    // Column b: mostly 0 (IQR 0), so its standard deviation divides: values 0,0,0,0,5 -> mean 1, std 2.
    Dataset train = Dataset.of("train", 5, 2, new float[] {1, 0, 2, 0, 3, 0, 4, 0, 1000, 5},
        List.of("a", "b"), null);
    FittedScaler fitted = new RobustScaler().fit(train);
    double unit = 2 / RobustScaler.NORMAL_IQR;
    assertArrayEquals(new float[] {(float) (-2 / unit), 0, (float) (997 / unit), 2.5f},
        fitted.transform(table("t", 1, 0, 1000, 5)).values(), 1e-4f);
    // Standard scaling of column a would put 1 and 4 within 0.01 of each other.
    assertEquals(1.5 * RobustScaler.NORMAL_IQR, fitted.transform(table("t", 4, 0)).values()[0]
        - fitted.transform(table("t", 1, 0)).values()[0], 1e-5);
  }

  @Test
  void robustScalingOfNormalDataIsCloseToStandardScaling() {
    java.util.Random random = new java.util.Random(7);
    float[] values = new float[20_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (5 + 3 * random.nextGaussian());
    }
    Dataset train = Dataset.of("normal", 10_000, 2, values, List.of("a", "b"), null);
    float[] robust = new RobustScaler().fit(train).transform(table("t", 11, 2)).values();
    float[] standard = new StandardScaler().fit(train).transform(table("t", 11, 2)).values();
    assertArrayEquals(standard, robust, 0.05f);
  }

  @Test
  void refusesEmptyTrainingAndWrongWidth() {
    assertThrows(UserException.class, () -> new MinMaxScaler().fit(table("empty")));
    assertThrows(UserException.class, () -> new RobustScaler().fit(table("empty")));
    FittedScaler fitted = new StandardScaler().fit(table("train", 1, 2, 3, 4));
    Dataset wide = Dataset.of("wide", 1, 3, new float[3], List.of("a", "b", "c"), null);
    UserException e = assertThrows(UserException.class, () -> fitted.transform(wide));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("2 columns"));
  }
}
