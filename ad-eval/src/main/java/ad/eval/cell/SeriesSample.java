package ad.eval.cell;

import ad.core.Dataset;
import ad.core.series.PointSeries;
import ad.core.series.WindowIndex;
import ad.eval.chart.SeriesChart;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluated points of a cell's first test file (at most {@link #MAX_POINTS}, from its start), kept
 * in the stored cell so the report's series chart is drawn after a resumed run too: up to
 * {@link #MAX_CHANNELS} channels of the signal as the model saw it (scaled), the point scores, the
 * labels and the first thresholder's threshold (NaN when there is no single one, e.g. per file).
 *
 * @param points each point's index in its file
 */
public record SeriesSample(String file, int[] points, List<double[]> channels, double[] scores, boolean[] labels,
    double threshold) implements java.io.Serializable {
  public static final int MAX_POINTS = 5000;
  public static final int MAX_CHANNELS = 3;

  /**
   * @param first the first test file's points, scores and labels
   * @param test the test windows: each row holds {@code window x channels} values, time-major
   */
  static SeriesSample of(PointSeries first, Dataset test, WindowIndex index, double threshold) {
    int n = Math.min(first.size(), MAX_POINTS);
    int file = fileIndex(index, first.file());
    int window = index.window();
    int channels = test.columns() / window;
    int shown = Math.min(channels, MAX_CHANNELS);
    int lastPoint = first.points()[n - 1];
    // Position of each point of the file in the sample, or -1 when it is not shown.
    int[] at = new int[lastPoint + 1];
    java.util.Arrays.fill(at, -1);
    for (int i = 0; i < n; i++) {
      at[first.points()[i]] = i;
    }
    List<double[]> values = new ArrayList<>();
    for (int c = 0; c < shown; c++) {
      double[] v = new double[n];
      java.util.Arrays.fill(v, Double.NaN);
      values.add(v);
    }
    int[] ids = test.rowIds();
    float[] row = new float[test.columns()];
    for (int r = 0; r < test.rows(); r++) {
      if (index.file(ids[r]) != file || index.start(ids[r]) > lastPoint) {
        continue;
      }
      test.copyRow(r, row, 0);
      int start = index.start(ids[r]);
      for (int t = 0; t < window && start + t <= lastPoint; t++) {
        int i = at[start + t];
        if (i >= 0) {
          for (int c = 0; c < shown; c++) {
            values.get(c)[i] = row[t * channels + c];
          }
        }
      }
    }
    return new SeriesSample(first.file(), java.util.Arrays.copyOf(first.points(), n), values,
        java.util.Arrays.copyOf(first.scores(), n), java.util.Arrays.copyOf(first.labels(), n),
        Double.isFinite(threshold) ? threshold : Double.NaN);
  }

  public SeriesChart chart(String title) {
    double[] time = new double[points.length];
    for (int i = 0; i < time.length; i++) {
      time[i] = points[i];
    }
    List<SeriesChart.Channel> lines = new ArrayList<>();
    for (int c = 0; c < channels.size(); c++) {
      lines.add(new SeriesChart.Channel("channel " + (c + 1), channels.get(c)));
    }
    return new SeriesChart(title, time, lines, scores, threshold, labels);
  }

  private static int fileIndex(WindowIndex index, String name) {
    for (int f = 0; f < index.files().size(); f++) {
      if (index.files().get(f).name().equals(name)) {
        return f;
      }
    }
    throw new IllegalStateException("no series file '" + name + "'");
  }
}
