package ad.spark.score;

import ad.core.Threshold;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.ScoredBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores one partition, a batch of rows at a time, lazily: a task holds one batch of input rows and
 * their scored rows, whatever the partition's size. Each output row is its input row (or the chosen fields of
 * it) followed by the {@link ScoreColumns}.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final ShippedPipeline shipped;
  private final ScoringOptions options;
  private final RawRows rawRows;
  private final ScoreColumns columns;
  /** The input fields each output row starts with. */
  private final int[] kept;
  /**
   * Per partition, the rows of the partitions before it, to number rows 1, 2, ... in input order
   * (the number then comes first in each output row); null when rows are not numbered.
   */
  private final long[] rowsBefore;

  PartitionScorer(ShippedPipeline shipped, ScoringOptions options, RawRows rawRows, ScoreColumns columns,
      int[] kept, long[] rowsBefore) {
    this.shipped = shipped;
    this.options = options;
    this.rawRows = rawRows;
    this.columns = columns;
    this.kept = kept.clone();
    this.rowsBefore = rowsBefore == null ? null : rowsBefore.clone();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    Pipeline pipeline = shipped.pipeline();
    Threshold threshold = pipeline.threshold(options.threshold()).threshold();
    TaskContext task = TaskContext.get();
    int partition = task == null ? 0 : task.partitionId();
    return new Iterator<>() {
      private final List<Row> batch = new ArrayList<>(Math.min(options.batchRows(), 1 << 16));
      private final List<Row> scored = new ArrayList<>();
      private int next;
      private long done;

      @Override
      public boolean hasNext() {
        if (next < scored.size()) {
          return true;
        }
        scored.clear();
        next = 0;
        batch.clear();
        while (batch.size() < options.batchRows() && input.hasNext()) {
          batch.add(input.next());
        }
        if (batch.isEmpty()) {
          return false;
        }
        score(pipeline, threshold, batch, partition, done, scored);
        done += batch.size();
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return scored.get(next++);
      }
    };
  }

  private void score(Pipeline pipeline, Threshold threshold, List<Row> rows, int partition, long first,
      List<Row> out) {
    ScoredBatch batch = ScoredBatch.of(pipeline, threshold, rawRows.batch(rows, partition, first),
        columns.topK());
    int[] top = new int[columns.topK()];
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      int numbered = rowsBefore == null ? 0 : 1;
      Object[] values = new Object[numbered + kept.length + columns.width()];
      if (rowsBefore != null) {
        values[0] = rowsBefore[partition] + first + i + 1;
      }
      for (int f = 0; f < kept.length; f++) {
        values[numbered + f] = row.get(kept[f]);
      }
      int at = numbered + kept.length;
      values[at++] = batch.scores()[i];
      values[at++] = batch.anomalous()[i];
      if (columns.categorical()) {
        values[at++] = batch.unseenInRow(i);
      }
      if (top.length > 0) {
        batch.topFeatures(i, top);
        for (int f : top) {
          values[at++] = batch.featureName(f);
          values[at++] = batch.error(i, f);
        }
      }
      out.add(RowFactory.create(values));
    }
  }
}
