package ad.eval.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.CategoricalColumn;
import ad.core.CoreComponents;
import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Threshold;
import ad.core.registry.ComponentType;
import ad.core.registry.Registry;
import ad.core.scale.FittedScaler;
import ad.core.scale.StandardScaler;
import ad.eval.pipeline.PipelineFileTest.CentroidDetector;
import ad.eval.threshold.MeanStdThresholder;
import ad.eval.threshold.PercentileThresholder;
import ad.eval.threshold.ThresholderComponents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineBuilderTest {
  @TempDir
  Path temp;

  static Registry registry() {
    List<ComponentType<?, ?>> all = new ArrayList<>(new CoreComponents().components());
    all.addAll(new ThresholderComponents().components());
    all.add(ComponentType.of(Detector.class, "centroid", "for tests", CentroidDetector.class, d -> d));
    return new Registry(all);
  }

  @Test
  void fitsAsACellDoesAndLoadsBackTheSame() {
    Dataset train = PipelineFileTest.data(1, 200);
    Dataset validation = PipelineFileTest.data(2, 50);
    Dataset test = PipelineFileTest.data(3, 50);
    Pipeline pipeline = new PipelineBuilder(registry()).scaler("standard").detector(new CentroidDetector(2.0))
        .thresholder(new MeanStdThresholder(3.0)).thresholder(new PercentileThresholder(99.0, null))
        .fit(train, validation, 7);

    // The same steps by hand: scaler fitted on train only, thresholds on the validation scores.
    FittedScaler scaler = new StandardScaler().fit(train);
    DetectorModel model = new CentroidDetector(2.0).fit(scaler.transform(train), 7);
    Threshold threshold = new MeanStdThresholder(3.0).fit(model.score(scaler.transform(validation)));
    assertArrayEquals(model.score(scaler.transform(test)).values(), pipeline.score(test).values());
    assertEquals(threshold, pipeline.threshold());
    assertEquals(List.of("mean_std", "percentile"), pipeline.thresholds().stream()
        .map(Pipeline.NamedThreshold::name).toList());
    assertEquals("centroid", pipeline.detectorType());
    assertEquals(Map.of("weight", 2.0), pipeline.detectorOptions());
    assertEquals("standard", pipeline.scalerType());
    assertEquals(200, pipeline.provenance().get("train_rows"));

    Path file = temp.resolve("p.adp");
    PipelineFile.write(file, pipeline);
    Pipeline loaded = PipelineFile.read(file, registry());
    assertEquals(pipeline, loaded);
    assertArrayEquals(pipeline.score(test).values(), loaded.score(test).values());
  }

  @Test
  void categoricalColumnsAreEncodedWithTheTrainingCategories() {
    Dataset train = Dataset.of("t", 4, 1, new float[] {1, 2, 3, 4}, List.of("x"), null)
        .withCategoricalColumns(List.of(new CategoricalColumn("proto", List.of("tcp", "udp"), new int[] {0, 1, 0, 1})));
    Pipeline pipeline = new PipelineBuilder(registry()).detector(new CentroidDetector(1.0))
        .thresholder(new MeanStdThresholder(3.0)).fit(train, train, 1);
    assertEquals(List.of("x"), pipeline.inputs().numeric());
    assertEquals(List.of("proto"), pipeline.inputs().categorical());
    assertEquals(3, pipeline.featureNames().size());
    Dataset unseen = Dataset.of("u", 1, 1, new float[] {2}, List.of("x"), null)
        .withCategoricalColumns(List.of(new CategoricalColumn("proto", List.of("icmp"), new int[] {0})));
    assertEquals(1, pipeline.prepare(unseen).unseenInRow(0));
  }

  @Test
  void mistakesAreNamed() {
    PipelineBuilder builder = new PipelineBuilder(registry());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.detector("dense"))
        .getMessage().contains("no registered detector type takes a java.lang.String; the detector types are [centroid]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.scaler("quantile"))
        .getMessage().contains("no scaler type 'quantile'"));
    assertThrows(IllegalStateException.class, () -> builder.detector(new CentroidDetector(1.0))
        .fit(PipelineFileTest.data(1, 20), PipelineFileTest.data(2, 20), 1));
    builder.thresholder(new MeanStdThresholder(2.0));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.thresholder(new MeanStdThresholder(3.0)))
        .getMessage().contains("a 'mean_std' thresholder was added already"));
  }
}
