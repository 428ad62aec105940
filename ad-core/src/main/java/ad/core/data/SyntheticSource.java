package ad.core.data;

import ad.core.Dataset;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gaussian clusters: {@code normal.count} rows from N(normal.mean, normal.std^2) per dimension and
 * {@code anomalies.count} rows from N(anomalies.mean, anomalies.std^2), normal rows first.
 *
 * <p>The data have their own {@code seed} (default 0), separate from the experiment seeds, so that
 * every experiment seed sees the same data and varies only the split and the model.
 * {@link java.util.Random#nextGaussian()} is used because its algorithm is fixed by its specification,
 * so the same seed gives the same data on every JDK.
 */
public record SyntheticSource(
    @JsonPropertyDescription("columns of every row") @NotNull @Positive Integer dimensions,
    @JsonPropertyDescription("the normal rows: {count, mean, std}") @NotNull Cluster normal,
    @JsonPropertyDescription("the anomalous rows: {count, mean, std}")
    Cluster anomalies,
    @JsonPropertyDescription("seed of the data themselves, apart from the experiment seeds, so every "
        + "experiment seed sees the same rows") Long seed)
    implements DatasetSource {

  public SyntheticSource {
    Options.positive("dimensions", Options.orDefault(dimensions, 0));
    if (normal == null) {
      throw new OptionException("normal", "is required: {count, mean, std}");
    }
    anomalies = Options.orDefault(anomalies, new Cluster(0, List.of(0.0), List.of(1.0)));
    seed = Options.orDefault(seed, 0L);
    normal.checkDimensions("normal", dimensions);
    anomalies.checkDimensions("anomalies", dimensions);
  }

  /**
   * One Gaussian cluster. {@code mean} and {@code std} are either one number for every dimension or a
   * list with one number per dimension.
   */
  public record Cluster(
      @JsonPropertyDescription("number of rows") @NotNull @PositiveOrZero Integer count,
      @JsonPropertyDescription("mean of each column: one number for all, or one per dimension")
      List<Double> mean,
      @JsonPropertyDescription("standard deviation of each column: one number for all, or one per "
          + "dimension") List<@PositiveOrZero Double> std) {
    public Cluster {
      Options.nonNegative("count", Options.orDefault(count, -1));
      mean = Options.orDefault(mean, List.of(0.0));
      std = Options.orDefault(std, List.of(1.0));
      for (double m : mean) {
        Options.finite("mean", m);
      }
      for (double s : std) {
        Options.nonNegative("std", s);
      }
    }

    void checkDimensions(String cluster, int dimensions) {
      if (mean.size() != 1 && mean.size() != dimensions) {
        throw new OptionException(cluster + ".mean", "has " + mean.size() + " values; give 1 or "
            + dimensions + " (dimensions)");
      }
      if (std.size() != 1 && std.size() != dimensions) {
        throw new OptionException(cluster + ".std", "has " + std.size() + " values; give 1 or "
            + dimensions + " (dimensions)");
      }
    }

    double meanAt(int j) {
      return mean.get(mean.size() == 1 ? 0 : j);
    }

    double stdAt(int j) {
      return std.get(std.size() == 1 ? 0 : j);
    }
  }

  @Override
  public Dataset load(DataContext context) {
    int rows = normal.count() + anomalies.count();
    float[] values = new float[rows * dimensions];
    boolean[] labels = new boolean[rows];
    Random random = new Random(seed);
    int at = 0;
    for (int i = 0; i < rows; i++) {
      boolean anomalous = i >= normal.count();
      Cluster cluster = anomalous ? anomalies : normal;
      labels[i] = anomalous;
      for (int j = 0; j < dimensions; j++) {
        values[at++] = (float) (cluster.meanAt(j) + cluster.stdAt(j) * random.nextGaussian());
      }
    }
    List<String> names = new ArrayList<>(Dataset.defaultFeatureNames(dimensions));
    return Dataset.of("synthetic", rows, dimensions, values, names, labels);
  }
}
