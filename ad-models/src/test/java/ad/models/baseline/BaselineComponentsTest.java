package ad.models.baseline;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import ad.core.Detector;
import ad.core.registry.ComponentType;
import ad.core.registry.Registry;
import org.junit.jupiter.api.Test;

class BaselineComponentsTest {

  @Test
  void bothBaselinesAreRegistered() {
    Registry registry = Registry.load();
    ComponentType<?, Detector> forest = registry.find(Detector.class, "isolation_forest").orElseThrow();
    ComponentType<?, Detector> pca = registry.find(Detector.class, "pca").orElseThrow();

    assertSame(IsolationForestOptions.class, forest.optionsType());
    assertSame(PcaOptions.class, pca.optionsType());
    assertInstanceOf(IsolationForestDetector.class, forest.create(IsolationForestOptions.defaults()));
    assertInstanceOf(PcaDetector.class, pca.create(PcaOptions.defaults()));
  }
}
