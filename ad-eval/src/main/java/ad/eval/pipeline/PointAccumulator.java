package ad.eval.pipeline;

import ad.core.FeatureErrors;
import ad.core.series.Aggregation;
import java.io.IOException;

/**
 * Point scores of one series from the scores of the windows covering each point, for a series read
 * as a stream: windows are added in order of their start, and a point is handed out once the caller
 * knows no later window covers it. Only the points from the first one not handed out to the last one
 * covered are held (a ring that grows to what the caller keeps pending, about a batch of windows'
 * span), so memory does not grow with the length of the series.
 *
 * <p>The arithmetic is that of {@link ad.core.series.WindowIndex#pointScores} in the same order
 * (windows by ascending start, as the run's test windows are), so the point scores are the run's bit
 * for bit: MEAN sums in double from zero and divides by the count, MAX and MIN keep the first score
 * and compare.
 *
 * <p>With {@code channels > 0} each point also gets, per channel, its error at that point in each
 * covering window (the window's per-feature error at the point's position), combined across
 * windows by the same aggregation: which channels were worst reconstructed there.
 */
final class PointAccumulator {
  private final Aggregation aggregation;
  private final int channels;
  private double[] scores;
  private int[] counts;
  private double[] errors;
  private int mask;
  /** The first point not yet handed out; slots hold points {@code [first, first + capacity)}. */
  private long first;

  /** What {@link #drain} hands out, point by point, in order. */
  interface Sink {
    /**
     * @param covering how many windows cover the point (0: none, the score is NaN)
     * @param channelErrors per channel, the combined error at the point, or null without channels;
     *     valid during the call only
     */
    void point(long point, int covering, double score, double[] channelErrors) throws IOException;
  }

  /** @param channels the channels whose errors are kept per point, or 0 to keep scores only */
  PointAccumulator(Aggregation aggregation, int channels) {
    this.aggregation = aggregation;
    this.channels = channels;
    allocate(1024);
  }

  /**
   * Adds the score of the window covering points {@code [start, start + window)}, and with channels,
   * row {@code row} of {@code windowErrors} (time-major: position k, channel c at {@code k * channels + c}).
   *
   * @throws IllegalStateException if a point of the window was already handed out
   */
  void add(long start, int window, double score, FeatureErrors windowErrors, int row) {
    if (start < first) {
      throw new IllegalStateException("window at " + start + " covers points already handed out (up to " + first + ")");
    }
    ensureCapacity(start + window - first);
    for (int k = 0; k < window; k++) {
      int slot = (int) ((start + k) & mask);
      boolean firstWindow = counts[slot] == 0;
      scores[slot] = combine(scores[slot], score, firstWindow);
      if (channels > 0) {
        addErrors(slot * channels, windowErrors.values(), (row * window + k) * channels, firstWindow);
      }
      counts[slot]++;
    }
  }

  /**
   * Combines one position's channel errors into a point's: one loop per aggregation, because this runs
   * window x channels times per window (a per-value switch showed in the time of long series).
   */
  private void addErrors(int to, float[] from, int at, boolean firstWindow) {
    if (firstWindow) {
      for (int c = 0; c < channels; c++) {
        errors[to + c] = from[at + c];
      }
      return;
    }
    switch (aggregation) {
      case MAX -> {
        for (int c = 0; c < channels; c++) {
          errors[to + c] = Math.max(errors[to + c], from[at + c]);
        }
      }
      case MIN -> {
        for (int c = 0; c < channels; c++) {
          errors[to + c] = Math.min(errors[to + c], from[at + c]);
        }
      }
      default -> {
        for (int c = 0; c < channels; c++) {
          errors[to + c] += from[at + c];
        }
      }
    }
  }

  /** Hands out points {@code [first, upTo)} in order and forgets them. */
  void drain(long upTo, Sink sink) throws IOException {
    double[] channelErrors = channels > 0 ? new double[channels] : null;
    for (; first < upTo; first++) {
      int slot = (int) (first & mask);
      int covering = counts[slot];
      double score = covering == 0 ? Double.NaN
          : aggregation == Aggregation.MEAN ? scores[slot] / covering : scores[slot];
      if (channelErrors != null) {
        for (int c = 0; c < channels; c++) {
          double e = errors[slot * channels + c];
          channelErrors[c] = covering == 0 ? Double.NaN : aggregation == Aggregation.MEAN ? e / covering : e;
          errors[slot * channels + c] = 0;
        }
      }
      scores[slot] = 0;
      counts[slot] = 0;
      sink.point(first, covering, score, channelErrors);
    }
  }

  private double combine(double current, double value, boolean firstWindow) {
    switch (aggregation) {
      case MAX:
        return firstWindow ? value : Math.max(current, value);
      case MIN:
        return firstWindow ? value : Math.min(current, value);
      default:
        return current + value;
    }
  }

  private void ensureCapacity(long needed) {
    int capacity = mask + 1;
    if (needed <= capacity) {
      return;
    }
    if (needed > 1 << 30) {
      throw new IllegalStateException("more than 2^30 points pending");
    }
    double[] oldScores = scores;
    int[] oldCounts = counts;
    double[] oldErrors = errors;
    int oldMask = mask;
    allocate(Integer.highestOneBit((int) needed - 1) << 1);
    // Re-place the live points: their slots depend on the capacity.
    for (long p = first; p < first + capacity; p++) {
      int from = (int) (p & oldMask);
      int to = (int) (p & mask);
      scores[to] = oldScores[from];
      counts[to] = oldCounts[from];
      if (channels > 0) {
        System.arraycopy(oldErrors, from * channels, errors, to * channels, channels);
      }
    }
  }

  private void allocate(int capacity) {
    scores = new double[capacity];
    counts = new int[capacity];
    errors = new double[channels > 0 ? capacity * channels : 0];
    mask = capacity - 1;
  }
}
