package ad.eval.threshold;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Min;

/**
 * Otsu's method on a histogram of the reference scores: the cut between two bins that maximises the
 * between-class variance {@code w0 * w1 * (mu0 - mu1)^2}, as for grey levels in an image.
 *
 * <p>The histogram has {@code bins} equal-width bins over {@code [min, max]}; a bin covers {@code (lo,
 * hi]} (the first also its lower edge), so a score on an edge belongs to the lower class, consistent
 * with a threshold flagging only scores strictly above it. The class means use the scores themselves,
 * not the bin centres; the threshold is the upper edge of the last bin of the lower class. Of equal
 * maxima the lowest cut wins.
 *
 * <p>Otsu splits any distribution in two, so on normal-only validation scores it cuts through the
 * normal scores and flags a large share of normal rows; it is meant for reference scores that contain
 * both classes (the training or test scores of a contaminated set), where the histogram is bimodal.
 * At least 2 scores; constant scores give that constant.
 *
 * @param bins the number of histogram bins, {@code >= 2}; default 256 (Otsu's grey levels)
 * @see "N. Otsu, A threshold selection method from gray-level histograms, IEEE Trans. Systems, Man,
 *     and Cybernetics 9 (1979) 62-66"
 */
public record OtsuThresholder(
    @JsonPropertyDescription("bins of the score histogram that Otsu's cut is searched in") @Min(2)
    Integer bins) implements Thresholder {
  static final String NAME = "otsu";

  public OtsuThresholder {
    bins = Options.orDefault(bins, 256);
    if (bins < 2) {
      throw new OptionException("bins", "must be an integer >= 2, got " + bins);
    }
  }

  @Override
  public Threshold fit(Scores reference) {
    double[] x = ReferenceScores.require(reference, NAME, 2);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (min == max) {
      return ReferenceScores.constant(min, NAME);
    }
    double width = (max - min) / bins;
    long[] count = new long[bins];
    double[] sum = new double[bins];
    double total = 0;
    for (double v : x) {
      int b = bin(v, min, width);
      count[b]++;
      sum[b] += v;
      total += v;
    }
    int best = 0;
    double bestVariance = -1;
    long lowCount = 0;
    double lowSum = 0;
    for (int t = 0; t < bins - 1; t++) {
      lowCount += count[t];
      lowSum += sum[t];
      long highCount = x.length - lowCount;
      if (lowCount == 0 || highCount == 0) {
        continue;
      }
      double w0 = (double) lowCount / x.length;
      double diff = lowSum / lowCount - (total - lowSum) / highCount;
      double between = w0 * (1 - w0) * diff * diff;
      if (between > bestVariance) {
        bestVariance = between;
        best = t;
      }
    }
    return new Threshold(edge(best + 1, min, max, width), "otsu on " + bins + " bins");
  }

  /** The bin of {@code v}: bins are {@code (lo, hi]}, the first one closed. */
  private int bin(double v, double min, double width) {
    int b = (int) Math.ceil((v - min) / width) - 1;
    return Math.max(0, Math.min(bins - 1, b));
  }

  /**
   * The upper edge of bin {@code t - 1}. Rounding can put a score that {@link #bin} placed below the
   * edge a hair above it; that only matters on an exact edge, where the class is then the upper one.
   */
  private double edge(int t, double min, double max, double width) {
    return t == bins ? max : min + t * width;
  }
}
