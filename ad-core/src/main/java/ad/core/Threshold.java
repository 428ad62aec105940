package ad.core;

/**
 * A fitted decision boundary: a row whose score is strictly above {@code value} is flagged anomalous.
 *
 * @param value the boundary on the score scale
 * @param rule a short human-readable account of how it was obtained, e.g. {@code mean + 3.0 * std}
 */
public record Threshold(double value, String rule) {

  public Threshold {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("threshold is NaN (" + rule + ")");
    }
  }

  public boolean isAnomalous(double score) {
    return score > value;
  }

  /** One prediction per score: true = flagged anomalous. */
  public boolean[] apply(Scores scores) {
    boolean[] out = new boolean[scores.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = isAnomalous(scores.get(i));
    }
    return out;
  }
}
