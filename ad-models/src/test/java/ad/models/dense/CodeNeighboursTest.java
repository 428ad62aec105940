package ad.models.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.registry.OptionException;
import ad.models.Training;
import ad.models.ensemble.EnsembleOptions;
import ad.models.network.Activation;
import ad.models.network.Engine;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code code_neighbours}: rows that lie on the surface the training rows span, but where none of
 * them do, are rebuilt as well as normal rows; their codes lie apart from the training rows' codes,
 * and the code term finds them.
 */
class CodeNeighboursTest {
  private static final int COLUMNS = 6;

  @Test
  void findsRowsThatAreRebuiltWellButLieWhereNoTrainingRowDoes() {
    Dataset train = line("train", 400, 0, 1);
    Dataset test = line("test", 200, 20, 2);
    for (Engine engine : Engine.values()) {
      double plain = Auc.of(fit(0, engine, train).score(test), test);
      double withCode = Auc.of(fit(5, engine, train).score(test), test);
      assertTrue(withCode > 0.95 && withCode > plain + 0.2,
          engine + ": ROC AUC with the code term " + withCode + ", without " + plain);
    }
  }

  /**
   * {@code code_reference_rows}: the neighbours are a seeded subsample of the training codes. It
   * still finds the rows between the clusters, the same seed gives the same scores, a different
   * subsample gives different ones (the cap is applied), and the saved neighbours are the subsample.
   */
  @Test
  void aSubsampleOfReferenceRowsStillFindsThemAndIsSeeded() {
    Dataset train = line("train", 400, 0, 1);
    Dataset test = line("test", 200, 20, 2);
    DetectorModel capped = fit(5, 100, Engine.NATIVE, train, 7);
    double[] scores = capped.score(test).values();
    assertTrue(Auc.of(capped.score(test), test) > 0.95, "ROC AUC " + Auc.of(capped.score(test), test));
    assertArrayEquals(scores, fit(5, 100, Engine.NATIVE, train, 7).score(test).values(), "same seed");
    assertFalse(java.util.Arrays.equals(scores, fit(5, null, Engine.NATIVE, train, 7).score(test)
        .values()), "every row as reference scores otherwise");
    ad.models.MapState state = new ad.models.MapState();
    capped.save(state);
    assertEquals(100, java.util.Arrays.stream(state.ints("code_knn/counts")).sum(),
        "the 100 reference codes are the neighbours kept");
  }

  @Test
  void refusesAReferenceNoLargerThanK() {
    OptionException e = assertThrows(OptionException.class, () -> new DenseAutoencoderOptions(null,
        null, null, null, 5, 5, null, null));
    assertTrue(e.getMessage().contains("code_reference_rows"), e.getMessage());
  }

  @Test
  void refusesAReferenceWithoutTheCodeTerm() {
    OptionException e = assertThrows(OptionException.class, () -> new DenseAutoencoderOptions(null,
        null, null, null, 0, 100, null, null));
    assertTrue(e.getMessage().contains("'code_neighbours' is 0 (no code term), so "
        + "code_reference_rows (100) has nothing to bound"), e.getMessage());
  }

  @Test
  void refusesANegativeK() {
    assertThrows(OptionException.class, () -> new DenseAutoencoderOptions(null, null, null, null, -1,
        null, null));
  }

  private static DetectorModel fit(int k, Engine engine, Dataset train) {
    return fit(k, null, engine, train, 7);
  }

  private static DetectorModel fit(int k, Integer referenceRows, Engine engine, Dataset train,
      long seed) {
    return new DenseAutoencoder(new DenseAutoencoderOptions(List.of(8, 2, 8), null,
        Activation.IDENTITY, null, k, referenceRows, Training.with().learningRate(1e-2).epochs(40)
        .batchSize(32).engine(engine).options(), EnsembleOptions.SINGLE)).fit(train, seed);
  }

  /**
   * Rows on one line through 6-dimensional space, with a little noise: normal rows in two clusters
   * (positions around -2 and +2 along the line), anomalies in the empty stretch between them.
   */
  private static Dataset line(String name, int normal, int anomalous, long seed) {
    Random random = new Random(seed);
    double[] direction = {0.5, -0.3, 0.8, 0.1, -0.6, 0.4};
    int rows = normal + anomalous;
    float[] values = new float[rows * COLUMNS];
    boolean[] labels = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = r >= normal;
      double t = labels[r] ? random.nextDouble() - 0.5
          : (random.nextBoolean() ? 2 : -2) + 0.3 * random.nextGaussian();
      for (int j = 0; j < COLUMNS; j++) {
        values[r * COLUMNS + j] = (float) (t * direction[j] + 0.02 * random.nextGaussian());
      }
    }
    return Dataset.of(name, rows, COLUMNS, values, Dataset.defaultFeatureNames(COLUMNS), labels);
  }
}
