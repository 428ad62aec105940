package ad.eval.cell;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.scale.FittedScaler;
import ad.core.series.WindowIndex;
import ad.eval.pipeline.WindowChunks;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The scores of a series cell's test windows, computed as {@code ad score} computes them from the raw
 * file: each file's windows in {@linkplain WindowChunks chunks} counted from its first window, so
 * that a saved pipeline reproduces the run's point scores bit for bit. A chunk holding a test window
 * is scored whole, with the training or dropped windows it also holds (at most a chunk per file more
 * than the test windows, near the end of the training part).
 */
final class SeriesTestScores {
  private SeriesTestScores() {}

  /**
   * @param test the test windows (their row ids index {@code windows})
   * @param windows every window as loaded, unscaled: one file's windows consecutive, in order
   * @param scalerOfFile the scaler of each file (by index into {@code index.files()})
   * @return one score per row of {@code test}
   */
  static Scores of(DetectorModel model, Dataset test, Dataset windows, WindowIndex index,
      IntFunction<FittedScaler> scalerOfFile) {
    int files = index.files().size();
    int[] first = new int[files];
    int[] count = new int[files];
    Arrays.fill(first, -1);
    for (int r = 0; r < index.windows(); r++) {
      int f = index.file(r);
      if (first[f] < 0) {
        first[f] = r;
      }
      if (r != first[f] + count[f]) {
        throw new IllegalStateException("the windows of '" + index.files().get(f).name() + "' are not consecutive");
      }
      count[f]++;
    }
    // Per file, the span of chunks that hold its test windows.
    int[] lowChunk = new int[files];
    int[] highChunk = new int[files];
    Arrays.fill(lowChunk, Integer.MAX_VALUE);
    Arrays.fill(highChunk, -1);
    for (int i = 0; i < test.rows(); i++) {
      int r = test.rowId(i);
      int f = index.file(r);
      int chunk = (r - first[f]) / WindowChunks.SIZE;
      lowChunk[f] = Math.min(lowChunk[f], chunk);
      highChunk[f] = Math.max(highChunk[f], chunk);
    }
    double[][] byFile = new double[files][];
    for (int f = 0; f < files; f++) {
      if (highChunk[f] < 0) {
        continue;
      }
      int from = first[f] + lowChunk[f] * WindowChunks.SIZE;
      int to = Math.min(first[f] + (highChunk[f] + 1) * WindowChunks.SIZE, first[f] + count[f]);
      Dataset span = scalerOfFile.apply(f).transform(windows.select(IntStream.range(from, to).toArray()));
      byFile[f] = WindowChunks.score(model, span);
    }
    double[] out = new double[test.rows()];
    for (int i = 0; i < test.rows(); i++) {
      int r = test.rowId(i);
      int f = index.file(r);
      out[i] = byFile[f][r - first[f] - lowChunk[f] * WindowChunks.SIZE];
    }
    return new Scores(out);
  }
}
