package ad.eval.cell;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.TrainingHistory;
import ad.core.UserException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a fitted model whose scores cannot be a result (issue 14): scores that do not tell the test
 * rows apart, and networks whose output no longer depends on their input. Such a cell fails with the
 * reason instead of reporting a ROC AUC that means nothing. (Non-finite scores are refused by
 * {@link Scores#requireFinite}; a loss that blows up, by the training loop.)
 *
 * <p>What counts as degenerate, and why it cannot catch a sound model:
 * <ul>
 *   <li><b>Constant scores</b>: every test row scored the same, or the scores differ by less than
 *       {@link #ROUNDING} of their magnitude, below what float arithmetic resolves (the networks compute
 *       in float). Many ties alone are no failure: kNN gives every duplicate of a training row the score
 *       0 and Isolation Forest ties rows in the same leaves, and on tables like smtp (0.03% anomalies)
 *       a perfect ranking ties nearly every row. Only when the rows themselves are all alike is a
 *       constant score not the model's fault, and then it is not refused.
 *   <li><b>A collapsed network</b>: a model that reconstructs ({@link DetectorModel#reconstruct}) gives
 *       at most {@link #COLLAPSED_SHARE} as many distinct reconstructions as there are distinct rows
 *       among at most {@link #SAMPLE_ROWS} test rows. A trained network's output moves with its input
 *       (every distinct row gets its own reconstruction, measured on the committed experiments);
 *       saturated or dead units give one output, or a few, for every row. Its scores then measure each
 *       row's distance to that fixed output, which can still rank (even perfectly, or perfectly wrong,
 *       as issue 14's ROC AUC 0.000), but not as the model it claims to be.
 * </ul>
 *
 * <p>Distinct reconstructions that barely move (their variance below {@link #FLAT_OUTPUT} of the
 * rows') are only a warning: a variational autoencoder whose decoder learned to ignore its code
 * ("posterior collapse", seen on thyroid in compare-variants) still scores each row by a fitted
 * per-feature density, a usable score, but not what a reader expects of a VAE.
 */
public final class Degeneracy {
  /** Scores closer than this, relative to their magnitude, differ by rounding only. */
  static final double ROUNDING = 1e-6;
  /** Test rows whose reconstructions are compared (evenly spaced, so no random draw is needed). */
  static final int SAMPLE_ROWS = 1000;
  /** At most this share of distinct reconstructions per distinct input row: a collapsed network. */
  static final double COLLAPSED_SHARE = 0.02;
  /** Reconstructions varying less than this share of the rows' variance: a flat output (a warning). */
  static final double FLAT_OUTPUT = 1e-4;

  private Degeneracy() {}

  /**
   * @param what names the model, e.g. {@code 'dense' on 'cardio'}
   * @param settings what to suggest trying, e.g. {@code a lower learning_rate (now 1000000.0)}; may be
   *     empty
   * @return a warning if the model's output barely moves with its input
   * @throws UserException naming what was seen, if the model is degenerate
   */
  static Optional<CellWarning> require(DetectorModel model, Dataset test, Scores scores, String what,
      String settings) {
    requireDistinctScores(test, scores, what);
    return requireResponsiveOutput(model, test, what, settings);
  }

  static void requireDistinctScores(Dataset test, Scores scores, String what) {
    double[] s = scores.values();
    if (s.length < 2) {
      return;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : s) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double magnitude = Math.max(Math.abs(min), Math.abs(max));
    if (max - min > ROUNDING * magnitude || distinctRows(test, allRows(test)) < 2) {
      return;
    }
    if (max == min) {
      throw new UserException("the model scores every test row alike: all " + s.length + " test scores of " + what
          + " are " + format(min) + ", so it cannot tell rows apart and no ranking or threshold of it means "
          + "anything (a degenerate model, not a result)");
    }
    throw new UserException(String.format(Locale.ROOT, "the model scores every test row alike: the %d test "
        + "scores of %s lie within %.3g of each other around %s (a relative %.1g: rounding, not a ranking), so "
        + "it cannot tell rows apart (a degenerate model, not a result)", s.length, what, max - min, format(min),
        (max - min) / magnitude));
  }

  static Optional<CellWarning> requireResponsiveOutput(DetectorModel model, Dataset test, String what,
      String settings) {
    if (test.rows() < 2) {
      return Optional.empty();
    }
    Dataset rows = test.select(sample(test.rows()));
    Optional<Dataset> rebuilt = model.reconstruct(rows);
    if (rebuilt.isEmpty()) {
      return Optional.empty();
    }
    int[] all = allRows(rows);
    int inputs = distinctRows(rows, all);
    if (inputs < 2) {
      return Optional.empty();
    }
    Dataset output = rebuilt.get();
    int outputs = distinctRows(output, all);
    if (outputs <= Math.max(1, (int) (COLLAPSED_SHARE * inputs))) {
      throw new UserException("the model's output does not depend on its input: it reconstructs " + inputs
          + " distinct test rows as " + (outputs == 1 ? "one and the same output" : "only " + outputs
          + " distinct outputs") + " (saturated or dead units), so the scores of " + what + " only measure "
          + "each row's distance to " + (outputs == 1 ? "that output" : "those outputs") + ", whatever the "
          + "ranking they give" + training(model) + (settings.isEmpty() ? "" : "; try " + settings));
    }
    double ratio = variance(output) / variance(rows);
    if (ratio >= FLAT_OUTPUT) {
      return Optional.empty();
    }
    return Optional.of(new CellWarning(CellWarning.Kind.FLAT_OUTPUT, "", String.format(Locale.ROOT,
        "the reconstructions of %s barely depend on the input: over %d distinct test rows they vary %.1g times "
        + "as much as the rows do, so its scores measure each row against nearly one fixed output (a "
        + "variational autoencoder whose decoder ignores its code, 'posterior collapse', or saturated units)",
        what, inputs, ratio)));
  }

  private static String training(DetectorModel model) {
    Optional<TrainingHistory> history = model.trainingHistory();
    if (history.isEmpty() || history.get().trainLoss().isEmpty()) {
      return "";
    }
    var loss = history.get().trainLoss();
    return "; training collapsed it (training loss " + format(loss.get(0)) + " in the first epoch, "
        + format(loss.get(loss.size() - 1)) + " in the last of " + loss.size() + ")";
  }

  /** At most {@link #SAMPLE_ROWS} row indices spread evenly over {@code rows}, first and last included. */
  private static int[] sample(int rows) {
    int n = Math.min(rows, SAMPLE_ROWS);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = n == 1 ? 0 : (int) ((long) i * (rows - 1) / (n - 1));
    }
    return out;
  }

  private static int[] allRows(Dataset data) {
    int[] all = new int[data.rows()];
    Arrays.setAll(all, i -> i);
    return all;
  }

  /** How many distinct rows (by their values) {@code data} has among {@code rows}. */
  private static int distinctRows(Dataset data, int[] rows) {
    Set<Row> seen = new HashSet<>();
    int columns = data.columns();
    for (int r : rows) {
      float[] values = new float[columns];
      data.copyRow(r, values, 0);
      seen.add(new Row(values));
    }
    return seen.size();
  }

  /** The sum over columns of each column's variance. */
  private static double variance(Dataset data) {
    int rows = data.rows();
    double total = 0;
    for (int j = 0; j < data.columns(); j++) {
      double mean = 0;
      for (int i = 0; i < rows; i++) {
        mean += data.value(i, j);
      }
      mean /= rows;
      double squares = 0;
      for (int i = 0; i < rows; i++) {
        double d = data.value(i, j) - mean;
        squares += d * d;
      }
      total += squares / rows;
    }
    return total;
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  /** A row's values, compared and hashed by content. */
  private record Row(float[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
