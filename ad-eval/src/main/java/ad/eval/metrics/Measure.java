package ad.eval.metrics;

import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * One evaluation measure, declarable by {@link #name()} in YAML: a stateless function of the labels
 * and either the scores (a ranking measure) or the predictions at a threshold.
 *
 * @param name the YAML name, lower case with underscores, e.g. {@code roc_auc}
 * @param summary one line for listings
 * @param input what the measure reads besides the labels
 * @param function the measure; reads only what {@link #input()} says
 * @param chance the value of uninformative input given the labels, NaN where none is defined
 */
public record Measure(String name, String summary, Input input, Function function,
    ToDoubleFunction<boolean[]> chance) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /** What a measure needs besides the labels. */
  public enum Input {
    /** The scores: the measure ranks them and needs no threshold. */
    SCORES,
    /** The predictions of a fitted threshold (true = flagged). */
    PREDICTIONS
  }

  /** The measure itself; each implementation reads only the array its {@link Input} names. */
  @FunctionalInterface
  public interface Function {
    double apply(boolean[] labels, double[] scores, boolean[] predictions);
  }

  public Measure {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(chance, "chance");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("measure name must match " + NAME + ": " + name);
    }
  }

  /**
   * The measure of one evaluation. Pass the scores for a {@link Input#SCORES} measure and the
   * predictions for a {@link Input#PREDICTIONS} one; the other array is ignored and may be null.
   *
   * @throws IllegalArgumentException if the array it needs is null, of another length than the
   *     labels, or (scores) not finite
   */
  public double of(boolean[] labels, double[] scores, boolean[] predictions) {
    if (input == Input.SCORES && scores == null) {
      throw new IllegalArgumentException(name + " needs scores");
    }
    if (input == Input.PREDICTIONS && predictions == null) {
      throw new IllegalArgumentException(name + " needs predictions");
    }
    return function.apply(labels, scores, predictions);
  }

  /** The value of uninformative input (random or constant), or NaN where the measure has none. */
  public double chance(boolean[] labels) {
    return chance.applyAsDouble(labels);
  }

  /** True for the measures that need a threshold. */
  public boolean needsThreshold() {
    return input == Input.PREDICTIONS;
  }
}
