package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Thresholder;
import ad.core.registry.ComponentProvider;
import ad.core.registry.Registry;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ThresholderComponentsTest {

  @Test
  void registersEveryThresholder() {
    Registry registry = new Registry(new ThresholderComponents().components());
    assertEquals(List.of("best_f1", "contamination", "fixed", "gmm", "iqr", "mad", "mean_std",
        "modified_zscore", "otsu", "percentile", "spot"), registry.names(Thresholder.class));
    Thresholder built = registry.find(Thresholder.class, "percentile").orElseThrow()
        .create(new PercentileThresholder(90.0));
    assertInstanceOf(PercentileThresholder.class, built);
    registry.all(Thresholder.class).forEach(c -> assertTrue(!c.summary().isBlank(), c.name()));
  }

  @Test
  void onlyBestF1IsAnOracle() {
    Registry registry = new Registry(new ThresholderComponents().components());
    Thresholder oracle = registry.find(Thresholder.class, "best_f1").orElseThrow()
        .create(ad.core.registry.NoOptions.INSTANCE);
    assertTrue(LabelledThresholder.isOracle(oracle));
    assertTrue(registry.find(Thresholder.class, "best_f1").orElseThrow().summary()
        .startsWith("ORACLE"));
    assertTrue(!LabelledThresholder.isOracle(new MadThresholder(null)));
  }

  @Test
  void isListedForTheServiceLoader() {
    boolean found = ServiceLoader.load(ComponentProvider.class).stream()
        .anyMatch(p -> p.type() == ThresholderComponents.class);
    assertTrue(found, "META-INF/services/ad.core.registry.ComponentProvider must name it");
  }
}
