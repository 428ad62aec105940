package ad.eval.threshold;

import ad.core.stats.Quantiles;
import ad.core.UserException;
import java.util.Arrays;

/**
 * Streaming Peaks-Over-Threshold (SPOT) and its drift-following variant DSPOT: a threshold that
 * follows a stream of scores, flagging a score when it exceeds the level that extreme value theory
 * says is exceeded with probability {@code risk}.
 *
 * <p>Calibration (Siffer et al., algorithm 1): {@code t} is the {@code level} quantile of the initial
 * scores; the excesses {@code x - t} of the scores above it are fitted by a generalised Pareto
 * distribution ({@link Gpd}, maximum likelihood by Grimshaw's trick), and the threshold is {@code z = t
 * + sigma / gamma * ((risk * n / N_t)^(-gamma) - 1)}, {@code n} being the scores seen and {@code
 * N_t} the excesses. Then {@link #update} takes one score at a time: above {@code z} it is an anomaly
 * and is not learnt from; between {@code t} and {@code z} it is a new peak, and the GPD and {@code z}
 * are refitted; below {@code t} it only counts towards {@code n}. So {@code z} follows a tail that
 * grows or shrinks slowly.
 *
 * <p>With {@code depth > 0} it is DSPOT (section 4.3): every score is first taken relative to the mean
 * of the last {@code depth} normal scores, so a drifting level (a trend in the scores) is followed
 * too; {@link #threshold()} is then on that relative scale and {@link #absoluteThreshold()} on the
 * scale of the scores.
 *
 * <p>Two departures from the paper's pseudo-code, both deliberate: {@code z} is recomputed after every
 * normal score (the paper waits for the next peak), since {@code n} in the formula has changed; and a
 * peak refits the GPD from scratch, costing O(peaks) per peak, as the paper's own implementation does,
 * so a stream that puts very many scores between {@code t} and {@code z} slows down.
 *
 * <p>Not thread-safe; one instance per stream.
 *
 * @see "A. Siffer, P.-A. Fouque, A. Termier and C. Largouet, Anomaly detection in streams with extreme
 *     value theory, KDD 2017"
 */
public final class Spot {
  /** The fewest peaks that a GPD fit is trusted on. */
  public static final int MINIMUM_PEAKS = 10;

  private final double risk;
  private final double initialThreshold;
  private double[] peaks;
  private int peakCount;
  private long observations;
  private Gpd tail;
  private double threshold;
  private final double[] window;
  private int windowNext;
  private double windowSum;

  private Spot(double risk, double initialThreshold, double[] peaks, long observations,
      double[] window) {
    this.risk = risk;
    this.initialThreshold = initialThreshold;
    this.peaks = peaks;
    this.peakCount = peaks.length;
    this.observations = observations;
    this.window = window;
    for (double v : window) {
      windowSum += v;
    }
    refit();
  }

  /**
   * SPOT calibrated on {@code initial} scores.
   *
   * @param level the quantile of the initial threshold t, in (0, 1); the paper uses 0.98
   * @param risk the probability q of a normal score exceeding the threshold, in (0, 1), below the
   *     share of initial scores above t
   * @throws UserException if the initial scores are not finite, give fewer than
   *     {@link #MINIMUM_PEAKS} peaks, or the risk is not below the share of peaks
   */
  public static Spot calibrate(double[] initial, double level, double risk) {
    return calibrate(initial, level, risk, 0);
  }

  /**
   * DSPOT ({@code depth > 0}) or SPOT ({@code depth = 0}) calibrated on {@code initial} scores; with
   * a depth, the first {@code depth} scores only fill the window of the local mean.
   */
  public static Spot calibrate(double[] initial, double level, double risk, int depth) {
    if (!(level > 0 && level < 1) || !(risk > 0 && risk < 1) || depth < 0) {
      throw new IllegalArgumentException("need 0 < level < 1, 0 < risk < 1, depth >= 0; got "
          + level + ", " + risk + ", " + depth);
    }
    new ad.core.Scores(initial).requireFinite("initial scores for spot");
    if (initial.length <= depth) {
      throw new UserException("spot with depth " + depth + " needs more than " + depth
          + " initial scores, got " + initial.length);
    }
    double[] window = Arrays.copyOf(initial, depth);
    double[] relative = new double[initial.length - depth];
    double sum = 0;
    for (double v : window) {
      sum += v;
    }
    for (int i = depth; i < initial.length; i++) {
      double local = depth == 0 ? 0 : sum / depth;
      relative[i - depth] = initial[i] - local;
      if (depth > 0) {
        sum += initial[i] - window[(i - depth) % depth];
        window[(i - depth) % depth] = initial[i];
      }
    }
    double[] sorted = relative.clone();
    Arrays.sort(sorted);
    double t = Quantiles.linear(sorted, level);
    double[] peaks = Arrays.stream(relative).filter(v -> v > t).map(v -> v - t).toArray();
    if (peaks.length < MINIMUM_PEAKS) {
      throw new UserException("spot needs at least " + MINIMUM_PEAKS + " scores above its initial "
          + "threshold (the " + level + " quantile) and got " + peaks.length + " of "
          + relative.length + "; use more reference scores or a lower initial_quantile");
    }
    if (risk >= (double) peaks.length / relative.length) {
      throw new UserException("spot's risk " + risk + " must be below the share of scores above "
          + "the initial threshold (" + peaks.length + " of " + relative.length
          + "); lower the risk");
    }
    // Rotate the window so that its oldest value is at index 0, where the next update writes.
    int start = depth == 0 ? 0 : (initial.length - depth) % depth;
    double[] ordered = new double[depth];
    for (int k = 0; k < depth; k++) {
      ordered[k] = window[(start + k) % depth];
    }
    return new Spot(risk, t, peaks, relative.length, ordered);
  }

  /**
   * Takes the next score of the stream.
   *
   * @return true if it is an anomaly (above the threshold; it is then not learnt from)
   * @throws IllegalArgumentException if the score is NaN or infinite
   */
  public boolean update(double score) {
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("spot got a score that is not finite: " + score);
    }
    double x = score - localMean();
    if (x > threshold) {
      return true;
    }
    observations++;
    if (x > initialThreshold) {
      if (peakCount == peaks.length) {
        peaks = Arrays.copyOf(peaks, peaks.length * 2);
      }
      peaks[peakCount++] = x - initialThreshold;
      refit();
    } else {
      // Only the count moves, and with it the tail probability of z: update z, not the fit.
      threshold = initialThreshold + tail.quantile(risk * observations / peakCount);
    }
    slide(score);
    return false;
  }

  /** The current threshold, on the scale of the scores relative to the local mean (DSPOT). */
  public double threshold() {
    return threshold;
  }

  /** The current threshold on the scale of the scores: {@link #threshold()} plus the local mean. */
  public double absoluteThreshold() {
    return threshold + localMean();
  }

  /** The initial threshold t, the {@code level} quantile of the calibration scores. */
  public double initialThreshold() {
    return initialThreshold;
  }

  /** The fitted tail. */
  public double shape() {
    return tail.shape();
  }

  public double scale() {
    return tail.scale();
  }

  public int peaks() {
    return peakCount;
  }

  /** Normal scores seen, calibration included (anomalies are not counted, as in the paper). */
  public long observations() {
    return observations;
  }

  private void refit() {
    tail = Gpd.fit(peakCount == peaks.length ? peaks : Arrays.copyOf(peaks, peakCount));
    threshold = initialThreshold + tail.quantile(risk * observations / peakCount);
  }

  private double localMean() {
    return window.length == 0 ? 0 : windowSum / window.length;
  }

  private void slide(double score) {
    if (window.length > 0) {
      windowSum += score - window[windowNext];
      window[windowNext] = score;
      windowNext = (windowNext + 1) % window.length;
    }
  }
}
