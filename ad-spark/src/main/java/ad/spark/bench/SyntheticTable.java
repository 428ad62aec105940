package ad.spark.bench;

import ad.core.CategoricalColumn;
import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Threshold;
import ad.core.encode.Encoded;
import ad.core.encode.FittedEncoder;
import ad.core.encode.OneHotEncoder;
import ad.core.scale.FittedScaler;
import ad.core.scale.MinMaxScaler;
import ad.eval.io.Json;
import ad.eval.pipeline.InputColumns;
import ad.eval.pipeline.Pipeline;
import ad.eval.threshold.MeanStdThresholder;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import ad.models.train.TrainingOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A seeded table for benchmarks and tests, of any size: {@link #FEATURES} numeric columns driven by
 * four latent factors (so that an autoencoder has structure to learn), a categorical {@code proto}
 * column and an {@code id}; every {@value #ANOMALY_EVERY}th row is shifted off the normal pattern.
 * Spark generates the big table in its tasks ({@link #table}); {@link #fitPipeline} fits a dense
 * autoencoder pipeline on a small sample of normal rows drawn in Java from the same distribution.
 */
public final class SyntheticTable {
  /** Numeric feature columns, {@code f0 .. f19}. */
  public static final int FEATURES = 20;
  private static final int FACTORS = 4;
  /** Every this many rows one is anomalous (id divisible by it). */
  public static final int ANOMALY_EVERY = 50;
  /** The normal categories of {@code proto}; anomalies use {@code icmp}, which training never sees. */
  static final List<String> PROTOCOLS = List.of("tcp", "udp");

  private SyntheticTable() {}

  /** The numeric column names. */
  public static List<String> featureNames() {
    List<String> names = new ArrayList<>(FEATURES);
    for (int j = 0; j < FEATURES; j++) {
      names.add("f" + j);
    }
    return names;
  }

  /**
   * {@code rows} rows in {@code partitions} partitions: {@code id} (0-based long), {@code f0 ..},
   * {@code proto}, {@code label} (1 for the anomalies). Deterministic for a seed and a partitioning.
   */
  public static org.apache.spark.sql.Dataset<Row> table(SparkSession spark, long rows, int partitions, long seed) {
    org.apache.spark.sql.Dataset<Long> base = spark.range(0, rows, 1, partitions);
    List<Column> columns = new ArrayList<>();
    columns.add(functions.col("id"));
    Column anomalous = functions.col("id").mod(ANOMALY_EVERY).equalTo(0);
    for (int j = 0; j < FEATURES; j++) {
      Column factor = functions.randn(seed * 1000 + j % FACTORS);
      Column value = factor.multiply(1.0 + j % 3).plus(functions.randn(seed * 1000 + 100 + j).multiply(0.1));
      columns.add(functions.when(anomalous.and(functions.lit(j % 2 == 0)), value.plus(4.0)).otherwise(value)
          .cast("float").as("f" + j));
    }
    columns.add(functions.when(anomalous.and(functions.col("id").mod(ANOMALY_EVERY * 2).equalTo(0)),
        functions.lit("icmp")).when(functions.col("id").mod(3).equalTo(0), functions.lit(PROTOCOLS.get(1)))
        .otherwise(functions.lit(PROTOCOLS.get(0))).as("proto"));
    columns.add(functions.when(anomalous, 1).otherwise(0).as("label"));
    return base.select(columns.toArray(Column[]::new));
  }

  /**
   * A dense autoencoder pipeline ({@code 20+2 -> 12-6-12 -> 22}, min-max scaling, mean + 3 std
   * threshold) fitted on {@code rows} normal rows of the table's distribution.
   */
  public static Pipeline fitPipeline(int rows, int epochs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[rows * FEATURES];
    int[] codes = new int[rows];
    for (int i = 0; i < rows; i++) {
      double[] factors = new double[FACTORS];
      for (int f = 0; f < FACTORS; f++) {
        factors[f] = gaussian(random);
      }
      for (int j = 0; j < FEATURES; j++) {
        values[i * FEATURES + j] = (float) (factors[j % FACTORS] * (1.0 + j % 3) + 0.1 * gaussian(random));
      }
      codes[i] = random.nextInt(3) == 0 ? 1 : 0;
    }
    Dataset train = Dataset.of("synthetic", rows, FEATURES, values, featureNames(), null)
        .withCategoricalColumns(List.of(new CategoricalColumn("proto", PROTOCOLS, codes)));
    FittedEncoder encoder = new OneHotEncoder().fit(train);
    Encoded encoded = encoder.transform(train);
    FittedScaler scaler = new MinMaxScaler().fit(encoded.dataset());
    Dataset scaled = scaler.transform(encoded.dataset());
    DenseAutoencoderOptions options = new DenseAutoencoderOptions(List.of(12, 6, 12), null, null, null,
        new TrainingOptions(0.01, epochs, 256, 0.0, null, null, null, null, null));
    DetectorModel model = new DenseAutoencoder(options).fit(scaled, seed);
    Threshold threshold = new MeanStdThresholder(3.0).fit(model.score(scaled));
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("dataset", "ad-spark synthetic table");
    provenance.put("seed", seed);
    List<String> features = encoded.dataset().featureNames();
    return new Pipeline("dense_autoencoder", Json.MAPPER.convertValue(options, Json.MAP), model, "min_max",
        Map.of(), scaler, List.of(new Pipeline.NamedThreshold("mean_std", "mean_std", threshold)),
        InputColumns.of(features, encoder, List.of(), "label"), features, encoded.dataset().sampleShape(),
        provenance);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
