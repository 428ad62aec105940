package ad.spark.grid;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.registry.ComponentProvider;
import ad.core.registry.ComponentType;
import ad.core.registry.Options;
import java.util.List;
import org.apache.spark.TaskContext;

/**
 * A test-only detector type, {@code planted_failure}, registered for the tests of this module: it
 * scores by the squared distance to the training mean, and in a Spark task it fails the way an
 * executor does, with an {@link Error} the cell's own error handling does not catch: on the first
 * attempt only ({@code first_attempt_only: true}, so Spark's retry succeeds) or on every attempt.
 */
public final class PlantedFailures implements ComponentProvider {

  @Override
  public List<ComponentType<?, ?>> components() {
    return List.of(ComponentType.of(Detector.class, "planted_failure", "for tests: fails inside Spark tasks",
        PlantedFailure.class, d -> d));
  }

  /** @param firstAttemptOnly fail only the first attempt of a task */
  public record PlantedFailure(Boolean firstAttemptOnly) implements Detector {
    public PlantedFailure {
      firstAttemptOnly = Options.orDefault(firstAttemptOnly, false);
    }

    @Override
    public DetectorModel fit(Dataset train, long seed) {
      TaskContext task = TaskContext.get();
      if (task != null && (!firstAttemptOnly || task.attemptNumber() == 0)) {
        throw new AssertionError("planted task failure (attempt " + task.attemptNumber() + ")");
      }
      double[] mean = new double[train.columns()];
      for (int i = 0; i < train.rows(); i++) {
        for (int j = 0; j < mean.length; j++) {
          mean[j] += train.value(i, j) / train.rows();
        }
      }
      return data -> {
        double[] s = new double[data.rows()];
        for (int i = 0; i < s.length; i++) {
          for (int j = 0; j < mean.length; j++) {
            double d = data.value(i, j) - mean[j];
            s[i] += d * d;
          }
        }
        return new Scores(s);
      };
    }
  }
}
