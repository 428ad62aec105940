package ad.eval.pipeline;

import ad.core.data.SeriesSource;
import ad.core.series.Aggregation;
import java.util.List;
import java.util.Objects;

/**
 * How a series pipeline turns the ordered rows of a raw series file into the windows its model
 * scores, and the window scores back into point scores, exactly as the run's {@code series} source
 * and {@code point_scores} option did: windows of {@code window} rows start every {@code stride} rows,
 * plus one last window ending at the last row when the stride does not reach it; each window row
 * holds the channels (the pipeline's numeric input columns) at every position, time-major; a point's
 * score is the {@code aggregation} of the scores of the windows covering it.
 *
 * @param timestampColumn the training source's timestamp column, never a channel; recorded so the
 *     file says which columns of a raw file it ignores on purpose (scoring reads channels by name)
 */
public record Windowing(int window, int stride, Aggregation aggregation, String timestampColumn) {

  public Windowing {
    if (window < 1 || stride < 1) {
      throw new IllegalArgumentException("window and stride must be >= 1, got " + window + " and " + stride);
    }
    Objects.requireNonNull(aggregation, "aggregation");
  }

  /** The model's features for these channels: {@code channel[k]} for each position k, time-major. */
  public List<String> featureNames(List<String> channels) {
    return SeriesSource.featureNames(channels, window);
  }

  /** True when a regular window ends at row {@code row} (0-based) of a series. */
  boolean regularWindowEndsAt(long row) {
    long start = row - window + 1;
    return start >= 0 && start % stride == 0;
  }

  /**
   * The start of the extra last window of a series of {@code length >= window} rows, or -1 when the
   * regular windows already end at its last row (the rule of {@code SeriesSource}).
   */
  long tailStart(long length) {
    long last = length - window;
    return last % stride == 0 ? -1 : last;
  }
}
