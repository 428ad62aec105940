package ad.models.baseline;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.UserException;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.models.nn.Workers;
import ad.models.state.CheckedState;
import java.lang.ref.WeakReference;
import java.util.Objects;

/**
 * A fitted kNN detector: the distinct training rows, how many training rows each stands for, and a
 * search over them (see {@link KnnDetector} for the score and its rules). Immutable; scoring only
 * reads, so it is safe from several threads.
 */
final class KnnModel implements DetectorModel {
  /** Query rows deduplicated and searched at a time: bounds the memory a large call takes. */
  static final int CHUNK_ROWS = 1 << 16;
  /** Query rows per search call and scoring batch. */
  static final int BATCH_ROWS = BruteForceSearch.QUERY_BLOCK;

  private final KnnOptions options;
  private final int columns;
  private final float[] points;
  private final int[] counts;
  private final NeighbourSearch search;
  /**
   * The dataset the model was fitted on, to recognise it (by identity) when it is scored and leave
   * each row out of its own neighbours. Weak: a kept model must not keep its training data alive.
   */
  private final WeakReference<Dataset> training;

  private KnnModel(KnnOptions options, int columns, float[] points, int[] counts, Dataset training) {
    this.options = Objects.requireNonNull(options, "options");
    this.columns = columns;
    this.points = points;
    this.counts = counts;
    int neighbours = Math.min(options.k() + 1, counts.length);
    this.search = options.kdTree(columns) ? new KdTreeSearch(points, columns, neighbours)
        : new BruteForceSearch(points, columns, neighbours);
    this.training = new WeakReference<>(training);
  }

  /** Keeps the distinct rows of {@code train}, which needs more than k rows, all finite. */
  static KnnModel fit(Dataset train, KnnOptions options) {
    if (train.rows() <= options.k()) {
      throw new UserException("knn: k is " + options.k() + ", so it needs at least " + (options.k() + 1)
          + " training rows (a training row's k neighbours are the other rows), but '" + train.name()
          + "' has " + train.rows() + "; lower 'k'");
    }
    int columns = train.columns();
    float[] values = train.values();
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new UserException("knn: training row " + (i / columns) + " of '" + train.name()
            + "' holds " + values[i] + " in column '" + train.featureNames().get(i % columns)
            + "'; distances need finite values");
      }
    }
    DistinctRows distinct = DistinctRows.of(values, train.rows(), columns);
    return new KnnModel(options, columns, distinct.points(), distinct.counts(), train);
  }

  /** Whether the model searches with the KD-tree (else blocked products). */
  boolean usesKdTree() {
    return search instanceof KdTreeSearch;
  }

  /**
   * Each row's distance to its k-th nearest training row, or the mean distance to its k nearest; a
   * row with a NaN or infinite value scores NaN. Rows of the training dataset itself leave themselves
   * out (see {@link KnnDetector}).
   */
  @Override
  public Scores score(Dataset data) {
    Rows.requireColumns(data, columns, "knn");
    boolean leaveOut = data == training.get();
    double[] scores = new double[data.rows()];
    float[] chunk = new float[Math.min(CHUNK_ROWS, data.rows()) * columns];
    for (int start = 0; start < data.rows(); start += CHUNK_ROWS) {
      int rows = Math.min(CHUNK_ROWS, data.rows() - start);
      data.copyRows(start, rows, chunk);
      DistinctRows queries = DistinctRows.of(chunk, rows, columns);
      double[] byQuery = scoreDistinct(queries, leaveOut);
      int[] rowToPoint = queries.rowToPoint();
      for (int r = 0; r < rows; r++) {
        scores[start + r] = byQuery[rowToPoint[r]];
      }
    }
    return new Scores(scores);
  }

  /** The score of each distinct query row, searched in batches over the scoring threads. */
  private double[] scoreDistinct(DistinctRows queries, boolean leaveOut) {
    float[] values = queries.points();
    double[] out = new double[queries.size()];
    int[] finite = new int[queries.size()];
    int searched = 0;
    for (int q = 0; q < queries.size(); q++) {
      if (finite(values, q * columns)) {
        finite[searched++] = q;
      } else {
        out[q] = Double.NaN;
      }
    }
    int m = search.neighbours();
    Workers.forEachBatch(searched, BATCH_ROWS, () -> {
      NeighbourSearch.Searcher searcher = search.searcher();
      float[] batch = new float[BATCH_ROWS * columns];
      double[] distances = new double[BATCH_ROWS * m];
      int[] nearest = new int[BATCH_ROWS * m];
      return (first, count) -> {
        for (int i = 0; i < count; i++) {
          System.arraycopy(values, finite[first + i] * columns, batch, i * columns, columns);
        }
        searcher.nearest(batch, count, distances, nearest);
        for (int i = 0; i < count; i++) {
          out[finite[first + i]] = score(distances, nearest, i * m, m, leaveOut);
        }
      };
    });
    return out;
  }

  /**
   * The score from one query's {@code m} nearest points (nearest first): walking out from the query,
   * each point counts as its number of training rows, until k rows are reached. Leaving the query out,
   * its own point (the only one at distance 0) counts one row less.
   */
  private double score(double[] distances, int[] nearest, int from, int m, boolean leaveOut) {
    if (leaveOut && distances[from] != 0) {
      throw new IllegalStateException("a training row is not among its own nearest points");
    }
    int remaining = options.k();
    double sum = 0;
    for (int i = 0; i < m; i++) {
      double distance = distances[from + i];
      int rows = counts[nearest[from + i]] - (leaveOut && i == 0 ? 1 : 0);
      int taken = Math.min(rows, remaining);
      // One addition per row, nearest first: the sum a plain sort of all row distances would give.
      for (int t = 0; t < taken; t++) {
        sum += distance;
      }
      remaining -= taken;
      if (remaining == 0) {
        return options.mean() ? sum / options.k() : distance;
      }
    }
    throw new IllegalStateException("fewer than k training rows among the nearest points");
  }

  private boolean finite(float[] values, int from) {
    for (int j = 0; j < columns; j++) {
      if (!Float.isFinite(values[from + j])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean canSave() {
    return true;
  }

  /**
   * State: {@code columns} (the input width), {@code counts} (ints, one per distinct training row:
   * how many training rows it stands for) and {@code points} (floats, the distinct rows, row-major).
   */
  @Override
  public void save(StateWriter out) {
    out.ints("columns", new int[] {columns});
    out.ints("counts", counts);
    out.floats("points", points);
  }

  /** Reads what {@link #save} wrote; the search is rebuilt from the rows, so scores are identical. */
  static KnnModel load(StateReader in, KnnOptions options) {
    CheckedState state = new CheckedState(in, "knn");
    int columns = state.positive("columns");
    int[] counts = in.ints("counts");
    long rows = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] <= 0) {
        throw state.corrupt("'counts' holds " + counts[i] + " at index " + i + "; every count is positive");
      }
      rows += counts[i];
    }
    if (rows <= options.k()) {
      throw state.corrupt("'counts' adds up to " + rows + " training rows; k: " + options.k()
          + " needs at least " + (options.k() + 1));
    }
    if ((long) counts.length * columns > Integer.MAX_VALUE - 8) {
      throw state.corrupt(counts.length + " rows of " + columns + " columns are more than a state holds");
    }
    float[] points = state.floats("points", counts.length * columns);
    return new KnnModel(options, columns, points, counts, null);
  }
}
