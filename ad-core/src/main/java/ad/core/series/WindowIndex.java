package ad.core.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where each window row of a windowed series dataset came from: its file and its first point. Window
 * {@code w} covers points {@code [start(w), start(w) + window)} of file {@code file(w)}.
 *
 * <p>Rows are identified by their {@linkplain ad.core.Dataset#rowId(int) row id}, which survives
 * splitting, so the test part of any protocol maps back with
 * {@code index.testPoints(test.rowIds(), scores.values(), Aggregation.MEAN)}.
 */
public final class WindowIndex implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final int window;
  private final List<SeriesFile> files;
  private final int[] fileOf;
  private final int[] startOf;

  /** Takes ownership of the arrays: window row {@code w} starts at point {@code starts[w]} of file {@code fileIndices[w]}. */
  public WindowIndex(int window, List<SeriesFile> files, int[] fileIndices, int[] starts) {
    if (window <= 0 || fileIndices.length != starts.length) {
      throw new IllegalArgumentException("bad window index");
    }
    this.window = window;
    this.files = List.copyOf(files);
    this.fileOf = fileIndices;
    this.startOf = starts;
    for (int w = 0; w < starts.length; w++) {
      Objects.checkFromIndexSize(starts[w], window, this.files.get(fileIndices[w]).length());
    }
  }

  /** Points per window. */
  public int window() {
    return window;
  }

  public int windows() {
    return startOf.length;
  }

  /** The series, in load order. */
  public List<SeriesFile> files() {
    return files;
  }

  /** The index into {@link #files()} of window row {@code rowId}. */
  public int file(int rowId) {
    return fileOf[rowId];
  }

  /** The first point (in its file) of window row {@code rowId}. */
  public int start(int rowId) {
    return startOf[rowId];
  }

  /**
   * Point scores per file from the scores of the given window rows: each point gets the mean, max or
   * min of the scores of the given windows that cover it, or NaN when none does.
   *
   * @param rowIds the window rows scored (e.g. {@code test.rowIds()})
   * @param windowScores one score per entry of {@code rowIds}
   * @return one array per file, of the file's length
   */
  public double[][] pointScores(int[] rowIds, double[] windowScores, Aggregation aggregation) {
    if (rowIds.length != windowScores.length) {
      throw new IllegalArgumentException(rowIds.length + " window rows but " + windowScores.length
          + " scores");
    }
    double[][] out = new double[files.size()][];
    int[][] covering = new int[files.size()][];
    for (int f = 0; f < files.size(); f++) {
      out[f] = new double[files.get(f).length()];
      covering[f] = new int[files.get(f).length()];
    }
    for (int i = 0; i < rowIds.length; i++) {
      int f = fileOf[rowIds[i]];
      int start = startOf[rowIds[i]];
      double score = windowScores[i];
      for (int p = start; p < start + window; p++) {
        if (aggregation == Aggregation.MAX) {
          out[f][p] = covering[f][p] == 0 ? score : Math.max(out[f][p], score);
        } else if (aggregation == Aggregation.MIN) {
          out[f][p] = covering[f][p] == 0 ? score : Math.min(out[f][p], score);
        } else {
          out[f][p] += score;
        }
        covering[f][p]++;
      }
    }
    for (int f = 0; f < out.length; f++) {
      for (int p = 0; p < out[f].length; p++) {
        if (covering[f][p] == 0) {
          out[f][p] = Double.NaN;
        } else if (aggregation == Aggregation.MEAN) {
          out[f][p] /= covering[f][p];
        }
      }
    }
    return out;
  }

  /**
   * The points to evaluate, per file: those covered by a given window and not among the file's
   * training points, with their labels and aggregated scores. Files with no such point are left out.
   * Pool the files for metrics by evaluating each file and summing counts (series metrics accept
   * lists), not by concatenating, so that segments do not join across files.
   */
  public List<PointSeries> testPoints(int[] rowIds, double[] windowScores, Aggregation aggregation) {
    double[][] scores = pointScores(rowIds, windowScores, aggregation);
    List<PointSeries> out = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      SeriesFile file = files.get(f);
      int[] points = new int[file.length()];
      int n = 0;
      for (int p = file.trainPoints(); p < file.length(); p++) {
        if (!Double.isNaN(scores[f][p])) {
          points[n++] = p;
        }
      }
      if (n == 0) {
        continue;
      }
      points = Arrays.copyOf(points, n);
      boolean[] labels = new boolean[n];
      double[] pointScores = new double[n];
      for (int i = 0; i < n; i++) {
        labels[i] = file.label(points[i]);
        pointScores[i] = scores[f][points[i]];
      }
      out.add(new PointSeries(file.name(), points, labels, pointScores));
    }
    return out;
  }
}
