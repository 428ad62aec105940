package ad.spark.score;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.Scores;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.scale.MinMaxScaler;
import ad.core.series.Aggregation;
import ad.eval.pipeline.InputColumns;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.Windowing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A series pipeline is refused on Spark with a message that says what to do instead. */
class SeriesRefusalTest {
  @Test
  void seriesPipelinesAreNotScoredOnSparkYet() {
    Windowing windowing = new Windowing(3, 1, Aggregation.MEAN, null);
    List<String> channels = List.of("a", "b");
    List<String> features = windowing.featureNames(channels);
    Dataset windows = Dataset.of("w", 2, features.size(), new float[2 * features.size()], features, null);
    Pipeline series = new Pipeline("dense_autoencoder", Map.of(), data -> new Scores(new double[data.rows()]),
        "min_max", Map.of(), new MinMaxScaler().fit(windows),
        List.of(new Pipeline.NamedThreshold("t", "fixed", new Threshold(1, "fixed"))),
        InputColumns.numericOnly(channels), features, new int[] {3, 2}, Map.of(), windowing);
    UserException e = assertThrows(UserException.class,
        () -> SparkScoring.score(null, series, ScoringOptions.defaults()));
    assertTrue(e.getMessage().contains("scoring series on Spark is not supported yet"), e.getMessage());
    assertTrue(e.getMessage().contains("'ad score' (without --spark)"), e.getMessage());
  }
}
