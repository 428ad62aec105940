package ad.eval.metrics;

import ad.core.UserException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Every measure by its YAML name. Ranking measures ({@link Measure.Input#SCORES}) read the scores;
 * threshold measures ({@link Measure.Input#PREDICTIONS}) read the predictions of a fitted threshold.
 *
 * <p>Chance values: the ranking measures give what a constant score gets (which is also the
 * expectation of random scores for ROC AUC, AP and precision at n); among threshold measures only
 * MCC (0) and balanced accuracy (0.5) have a chance value independent of how many rows are flagged;
 * the others give NaN. Counts ({@code tp}, ...) are returned as doubles.
 */
public final class Measures {
  private static final Map<String, Measure> BY_NAME = new LinkedHashMap<>();

  static {
    ranking("roc_auc", "area under the ROC curve, ties count one half (chance 0.5)",
        RocAuc::of, labels -> RocAuc.CHANCE);
    ranking("roc_auc_adjusted", "2 * roc_auc - 1 (chance 0, perfect 1)",
        ChanceAdjusted::rocAuc, labels -> 0.0);
    ranking("average_precision", "step-wise area under the PR curve, sklearn's AP (chance: anomaly rate)",
        AveragePrecision::of, AveragePrecision::chance);
    ranking("ap_adjusted", "(AP - rate) / (1 - rate) (chance 0, perfect 1)",
        ChanceAdjusted::averagePrecision, labels -> 0.0);
    ranking("pr_auc", "trapezoidal PR area with sklearn's (0, 1) anchor; prefer average_precision",
        PrAuc::of, PrAuc::chance);
    ranking("max_f1", "F1 at the best cut, chosen with the labels (an upper bound)",
        (labels, scores) -> MaxF1.of(labels, scores).f1(), MaxF1::chance);
    ranking("precision_at_n", "precision among the n top scores, n = number of anomalies",
        PrecisionAtN::of, PrecisionAtN::chance);
    threshold("precision", "tp / (tp + fp)", ConfusionMatrix::precision, null);
    threshold("recall", "tp / (tp + fn), the detection rate", ConfusionMatrix::recall, null);
    threshold("f1", "2tp / (2tp + fp + fn)", ConfusionMatrix::f1, null);
    threshold("f2", "F-beta with beta 2 (recall weighted more)", c -> c.fBeta(2), null);
    threshold("f0_5", "F-beta with beta 0.5 (precision weighted more)", c -> c.fBeta(0.5), null);
    threshold("mcc", "Matthews correlation coefficient (chance 0)", ConfusionMatrix::mcc, 0.0);
    threshold("balanced_accuracy", "(recall + specificity) / 2 (chance 0.5)",
        ConfusionMatrix::balancedAccuracy, 0.5);
    threshold("false_alarm_rate", "fp / (fp + tn)", ConfusionMatrix::falseAlarmRate, null);
    threshold("missed_alarm_rate", "fn / (tp + fn)", ConfusionMatrix::missedAlarmRate, null);
    threshold("tp", "anomalies flagged", c -> c.tp(), null);
    threshold("fp", "normal rows flagged", c -> c.fp(), null);
    threshold("tn", "normal rows not flagged", c -> c.tn(), null);
    threshold("fn", "anomalies not flagged", c -> c.fn(), null);
  }

  private Measures() {}

  /** Every measure, in a fixed order: ranking measures first. */
  public static List<Measure> all() {
    return List.copyOf(BY_NAME.values());
  }

  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  public static Optional<Measure> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The measure called {@code name}.
   *
   * @throws UserException naming the known measures if there is none
   */
  public static Measure get(String name) {
    Measure m = BY_NAME.get(name);
    if (m == null) {
      throw new UserException("unknown measure '" + name + "'; known measures: "
          + String.join(", ", BY_NAME.keySet()));
    }
    return m;
  }

  /**
   * F-beta for any beta, named {@code f_beta} in listings; {@code f1}, {@code f2} and {@code f0_5}
   * are registered by name.
   *
   * @throws IllegalArgumentException unless beta is finite and {@code > 0}
   */
  public static Measure fBeta(double beta) {
    if (!(beta > 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
    }
    return thresholdMeasure("f_beta", "F-beta with beta " + beta, c -> c.fBeta(beta), null);
  }

  /** A ranking measure of labels and scores. */
  @FunctionalInterface
  private interface RankingFunction {
    double apply(boolean[] labels, double[] scores);
  }

  private static void ranking(String name, String summary, RankingFunction f,
      ToDoubleFunction<boolean[]> chance) {
    add(new Measure(name, summary, Measure.Input.SCORES,
        (labels, scores, predictions) -> f.apply(labels, scores), chance));
  }

  private static void threshold(String name, String summary, ToDoubleFunction<ConfusionMatrix> f,
      Double chance) {
    add(thresholdMeasure(name, summary, f, chance));
  }

  private static Measure thresholdMeasure(String name, String summary,
      ToDoubleFunction<ConfusionMatrix> f, Double chance) {
    double c = chance == null ? Double.NaN : chance;
    return new Measure(name, summary, Measure.Input.PREDICTIONS,
        (labels, scores, predictions) -> f.applyAsDouble(ConfusionMatrix.of(labels, predictions)),
        labels -> c);
  }

  private static void add(Measure m) {
    if (BY_NAME.putIfAbsent(m.name(), m) != null) {
      throw new IllegalStateException("two measures named " + m.name());
    }
  }

  /** The names of the measures that read {@code input}. */
  public static List<String> names(Measure.Input input) {
    List<String> out = new ArrayList<>();
    for (Measure m : BY_NAME.values()) {
      if (m.input() == input) {
        out.add(m.name());
      }
    }
    return out;
  }
}
