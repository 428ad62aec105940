package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.protocol.NoveltyProtocol;
import ad.core.protocol.Split;
import ad.core.registry.Registry;
import ad.eval.metrics.RocAuc;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineBuilder;
import ad.eval.pipeline.PipelineFile;
import ad.eval.threshold.MeanStdThresholder;
import ad.models.dense.DenseAutoencoderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A project that knows ad only through its installed jars: the registry, a detector, a pipeline file. */
class UsesAdTest {

  @Test
  void fitsSavesLoadsAndScores() throws Exception {
    Random random = new Random(1);
    int rows = 400;
    int columns = 6;
    float[] values = new float[rows * columns];
    boolean[] labels = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = r % 20 == 0;
      double base = random.nextGaussian();
      for (int c = 0; c < columns; c++) {
        values[r * columns + c] = (float) (labels[r] ? 2 * random.nextGaussian() : base * (c + 1) / 3.0 + 0.2 * random.nextGaussian());
      }
    }
    Dataset data = Dataset.of("toy", rows, columns, values, Dataset.defaultFeatureNames(columns), labels);
    Split split = new NoveltyProtocol(0.2, 0.2).split(data, 7);
    // The registry finds the detectors and thresholders through the jars' META-INF/services.
    Registry registry = Registry.load();
    Pipeline pipeline = new PipelineBuilder(registry).detector(new DenseAutoencoderOptions(List.of(8, 2, 8)))
        .thresholder(new MeanStdThresholder(3.0)).fit(split.train(), split.validation(), 7);
    Path file = Files.createTempDirectory("uses-ad").resolve("model.adp");
    PipelineFile.write(file, pipeline);
    Pipeline loaded = PipelineFile.read(file, registry);
    double[] scores = loaded.score(split.test()).values();
    assertArrayEquals(pipeline.score(split.test()).values(), scores);
    double auc = RocAuc.of(split.test().labels(), scores);
    assertTrue(auc > 0.9, "ROC AUC " + auc);
  }
}
