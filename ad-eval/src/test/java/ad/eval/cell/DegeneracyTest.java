package ad.eval.cell;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.TrainingHistory;
import ad.core.UserException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A model whose scores cannot tell rows apart, or whose output ignores its input, fails its cell with
 * what was seen; ties that a sound detector makes (duplicates scored 0 by kNN, a perfect ranking with
 * 0.1% anomalies) do not.
 */
class DegeneracyTest {
  private static final int COLUMNS = 4;

  @Test
  void constantScoresOfDistinctRowsFail() {
    Dataset test = rows(200, 1);
    UserException e = assertThrows(UserException.class,
        () -> Degeneracy.requireDistinctScores(test, new Scores(filled(200, 0.25)), "'m' on 'd'"));
    assertTrue(e.getMessage().contains("scores every test row alike: all 200 test scores of 'm' on 'd' are 0.2500"),
        e.getMessage());
  }

  @Test
  void scoresThatDifferByRoundingOnlyFail() {
    double[] s = new double[200];
    for (int i = 0; i < s.length; i++) {
      s[i] = 1000 + 1e-7 * i;
    }
    UserException e = assertThrows(UserException.class,
        () -> Degeneracy.requireDistinctScores(rows(200, 1), new Scores(s), "'m' on 'd'"));
    assertTrue(e.getMessage().contains("rounding, not a ranking"), e.getMessage());
  }

  @Test
  void identicalRowsMayScoreAlike() {
    Dataset same = Dataset.of("same", 50, COLUMNS, new float[50 * COLUMNS], Dataset.defaultFeatureNames(COLUMNS), null);
    assertDoesNotThrow(() -> Degeneracy.requireDistinctScores(same, new Scores(filled(50, 3)), "m"));
  }

  @Test
  void manyTiesAreNoFailure() {
    // kNN on a table of duplicates: nearly every test row is a copy of a training row (score 0), the
    // few anomalies are not: a perfect ranking with 0.1% anomalies, ties everywhere else.
    double[] s = new double[5000];
    for (int i = 0; i < 5; i++) {
      s[i * 1000] = 2.5 + i;
    }
    assertDoesNotThrow(() -> Degeneracy.requireDistinctScores(rows(5000, 2), new Scores(s), "knn"));
    // Isolation Forest's scores sit around 0.5 with a spread of tenths: far above rounding.
    double[] forest = new Random(1).doubles(500, 0.35, 0.75).toArray();
    assertDoesNotThrow(() -> Degeneracy.requireDistinctScores(rows(500, 3), new Scores(forest), "iforest"));
  }

  @Test
  void aNetworkWithOneOutputForEveryRowFailsNamingItsTrainingAndWhatToChange() {
    TrainingHistory history = new TrainingHistory(List.of(0.2577, 0.2650, 0.2698), List.of(), 2, false);
    DetectorModel collapsed = model(rows -> constant(rows, 1f), history);
    UserException e = assertThrows(UserException.class, () -> Degeneracy.requireResponsiveOutput(collapsed,
        rows(3000, 4), "'wild' on 'd'", "a lower learning_rate (now 1000000.0), or check the scaling of the data"));
    String m = e.getMessage();
    assertTrue(m.startsWith("the model's output does not depend on its input: it reconstructs 1000 distinct test "
        + "rows as one and the same output (saturated or dead units), so the scores of 'wild' on 'd' only measure "
        + "each row's distance to that output"), m);
    assertTrue(m.contains("training loss 0.2577 in the first epoch, 0.2698 in the last of 3"), m);
    assertTrue(m.endsWith("; try a lower learning_rate (now 1000000.0), or check the scaling of the data"), m);
  }

  @Test
  void aFewSaturatedOutputsAreACollapseToo() {
    // Saturated sigmoid units: each output is 0 or 1, switched by the sign of one input.
    DetectorModel binary = model(rows -> {
      float[] out = new float[rows.rows() * COLUMNS];
      for (int i = 0; i < rows.rows(); i++) {
        for (int j = 0; j < COLUMNS; j++) {
          out[i * COLUMNS + j] = j < 2 && rows.value(i, 0) > 0 ? 1f : 0f;
        }
      }
      return rows.withValues(out);
    }, null);
    UserException e = assertThrows(UserException.class,
        () -> Degeneracy.requireResponsiveOutput(binary, rows(400, 5), "m", ""));
    assertTrue(e.getMessage().contains("as only 2 distinct outputs"), e.getMessage());
    assertTrue(!e.getMessage().contains("; try"), "no option to name: " + e.getMessage());
  }

  @Test
  void outputsThatBarelyMoveAreAWarningNotAFailure() {
    // A VAE whose decoder ignores its code: distinct outputs, but nearly one.
    DetectorModel flat = model(rows -> {
      float[] out = new float[rows.rows() * COLUMNS];
      for (int i = 0; i < out.length; i++) {
        out[i] = 0.5f + 1e-3f * rows.values()[i];
      }
      return rows.withValues(out);
    }, null);
    CellWarning w = Degeneracy.requireResponsiveOutput(flat, rows(400, 6), "'vae' on 'd'", "").orElseThrow();
    assertEquals(CellWarning.Kind.FLAT_OUTPUT, w.kind());
    assertTrue(w.message().startsWith("the reconstructions of 'vae' on 'd' barely depend on the input: over 400 "
        + "distinct test rows they vary 1e-06 times as much as the rows do"), w.message());
  }

  @Test
  void aTrainedNetworkAndAModelThatDoesNotReconstructPass() {
    Random random = new Random(7);
    DetectorModel trained = model(rows -> {
      float[] out = rows.values().clone();
      for (int i = 0; i < out.length; i++) {
        out[i] = 0.8f * out[i] + 0.05f * (float) random.nextGaussian();
      }
      return rows.withValues(out);
    }, null);
    assertEquals(Optional.empty(), Degeneracy.requireResponsiveOutput(trained, rows(2000, 7), "m", ""));
    DetectorModel forest = data -> new Scores(new double[data.rows()]);
    assertEquals(Optional.empty(), Degeneracy.requireResponsiveOutput(forest, rows(100, 8), "m", ""));
  }

  private static DetectorModel model(UnaryOperator<Dataset> reconstruct, TrainingHistory history) {
    return new DetectorModel() {
      @Override
      public Scores score(Dataset data) {
        return new Scores(new double[data.rows()]);
      }

      @Override
      public Optional<Dataset> reconstruct(Dataset data) {
        return Optional.of(reconstruct.apply(data));
      }

      @Override
      public Optional<TrainingHistory> trainingHistory() {
        return Optional.ofNullable(history);
      }
    };
  }

  private static Dataset rows(int n, long seed) {
    Random random = new Random(seed);
    float[] v = new float[n * COLUMNS];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return Dataset.of("d", n, COLUMNS, v, Dataset.defaultFeatureNames(COLUMNS), null);
  }

  private static Dataset constant(Dataset rows, float value) {
    float[] out = new float[rows.rows() * rows.columns()];
    Arrays.fill(out, value);
    return rows.withValues(out);
  }

  private static double[] filled(int n, double value) {
    double[] s = new double[n];
    Arrays.fill(s, value);
    return s;
  }
}
