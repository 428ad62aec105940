package ad.models.ensemble;

import ad.core.stats.Quantiles;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How an ensemble puts its members' scores on one scale before combining them: each member's score
 * {@code s} becomes {@code (s - centre) / spread}, with the centre and spread of that member's scores
 * on its own training rows.
 *
 * <p>Members' raw scores differ in scale (another seed, other rows or features, another mean
 * error), so without it the member with the largest errors would decide the mean. Under the
 * unsupervised protocol the training rows hold the anomalies too, whose errors are the largest: a
 * mean and standard deviation follow them, a median and interquartile range do not, hence
 * {@link #ROBUST} is the default (as Chen et al. 2017 standardise their members' scores before
 * taking the median).
 */
public enum Standardisation {
  /** Centre: the median; spread: the interquartile range ({@link Quantiles#linear}). */
  ROBUST,
  /** Centre: the mean; spread: the standard deviation. */
  MEAN_STD;

  /**
   * {@code [centre, spread]} of {@code scores}. A spread that is zero or not finite (every training
   * score alike) becomes the mean absolute deviation from the centre, and if that is zero too, 1, so
   * that the member still counts, by its differences from the centre.
   */
  public double[] of(double[] scores) {
    double centre;
    double spread;
    if (this == ROBUST) {
      double[] sorted = scores.clone();
      Arrays.sort(sorted);
      centre = Quantiles.linear(sorted, 0.5);
      spread = Quantiles.linear(sorted, 0.75) - Quantiles.linear(sorted, 0.25);
    } else {
      double sum = 0;
      for (double s : scores) {
        sum += s;
      }
      centre = sum / scores.length;
      double squares = 0;
      for (double s : scores) {
        squares += (s - centre) * (s - centre);
      }
      spread = Math.sqrt(squares / Math.max(1, scores.length - 1));
    }
    if (!(spread > 0 && Double.isFinite(spread))) {
      double deviation = 0;
      for (double s : scores) {
        deviation += Math.abs(s - centre);
      }
      deviation /= scores.length;
      spread = deviation > 0 && Double.isFinite(deviation) ? deviation : 1;
    }
    return new double[] {centre, spread};
  }

  /** The name in YAML and in saved options. */
  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
