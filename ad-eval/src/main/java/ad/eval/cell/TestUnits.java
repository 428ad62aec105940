package ad.eval.cell;

import ad.core.Scores;
import ad.core.series.Aggregation;
import ad.core.series.PointSeries;
import ad.eval.metrics.series.EventCounts;
import ad.eval.metrics.series.PointCounts;
import ad.eval.metrics.series.SeriesMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * What the metrics of a cell count: the test rows of a table, or, for time series, the test points,
 * each scored by combining the scores of the windows that cover it, pooled over files (segments never
 * join across files).
 */
final class TestUnits {
  private final boolean[] labels;
  private final double[] scores;
  /** Per file, for series only: where each file's points start in the pooled arrays. */
  private final int[] fileStarts;
  private final List<String> fileNames;
  /** For series only: the evaluated points of each file (empty for tables). */
  private final List<PointSeries> files;

  private TestUnits(boolean[] labels, double[] scores, int[] fileStarts, List<String> fileNames,
      List<PointSeries> files) {
    this.labels = labels;
    this.scores = scores;
    this.fileStarts = fileStarts;
    this.fileNames = fileNames;
    this.files = files;
  }

  static TestUnits of(PreparedSplit split, Scores testScores, Aggregation aggregation) {
    if (split.series() == null) {
      return new TestUnits(split.test().labels(), testScores.values(), null, List.of(), List.of());
    }
    List<PointSeries> files = split.series().testPoints(split.test().rowIds(), testScores.values(), aggregation);
    int total = files.stream().mapToInt(PointSeries::size).sum();
    boolean[] labels = new boolean[total];
    double[] scores = new double[total];
    int[] starts = new int[files.size() + 1];
    int at = 0;
    for (int f = 0; f < files.size(); f++) {
      starts[f] = at;
      PointSeries file = files.get(f);
      System.arraycopy(file.labels(), 0, labels, at, file.size());
      System.arraycopy(file.scores(), 0, scores, at, file.size());
      at += file.size();
    }
    starts[files.size()] = at;
    return new TestUnits(labels, scores, starts, files.stream().map(PointSeries::file).toList(), List.copyOf(files));
  }

  /** The first test file's points, or null for tables (or a series with no evaluated point). */
  PointSeries firstFile() {
    return files.isEmpty() ? null : files.get(0);
  }

  /** For series, each file's evaluated points with their scores; empty for tables. */
  List<PointSeries> files() {
    return files;
  }

  boolean[] labels() {
    return labels;
  }

  double[] scores() {
    return scores;
  }

  /** Decisions with a threshold per series file, by file name. */
  boolean[] predictions(java.util.Map<String, ad.core.Threshold> byFile) {
    boolean[] out = new boolean[scores.length];
    for (int f = 0; f + 1 < fileStarts.length; f++) {
      ad.core.Threshold t = byFile.get(fileNames.get(f));
      for (int i = fileStarts[f]; i < fileStarts[f + 1]; i++) {
        out[i] = t.isAnomalous(scores[i]);
      }
    }
    return out;
  }

  /** Point-adjusted and event-wise figures; NaN for tables, where they mean nothing. */
  SeriesFigures seriesFigures(boolean[] predictions) {
    if (fileStarts == null) {
      return SeriesFigures.NONE;
    }
    List<boolean[]> y = new ArrayList<>();
    List<boolean[]> p = new ArrayList<>();
    for (int f = 0; f + 1 < fileStarts.length; f++) {
      y.add(java.util.Arrays.copyOfRange(labels, fileStarts[f], fileStarts[f + 1]));
      p.add(java.util.Arrays.copyOfRange(predictions, fileStarts[f], fileStarts[f + 1]));
    }
    PointCounts adjusted = SeriesMetrics.pointAdjusted(y, p);
    EventCounts events = SeriesMetrics.eventWise(y, p);
    return new SeriesFigures(adjusted.f1(), events.precision(), events.recall(), events.f1());
  }
}
