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
  void registersTheThreeThresholders() {
    Registry registry = new Registry(new ThresholderComponents().components());
    assertEquals(List.of("fixed", "mean_std", "percentile"), registry.names(Thresholder.class));
    Thresholder built = registry.find(Thresholder.class, "percentile").orElseThrow()
        .create(new PercentileThresholder(90.0));
    assertInstanceOf(PercentileThresholder.class, built);
    registry.all(Thresholder.class).forEach(c -> assertTrue(!c.summary().isBlank(), c.name()));
  }

  @Test
  void isListedForTheServiceLoader() {
    boolean found = ServiceLoader.load(ComponentProvider.class).stream()
        .anyMatch(p -> p.type() == ThresholderComponents.class);
    assertTrue(found, "META-INF/services/ad.core.registry.ComponentProvider must name it");
  }
}
