package ad.models;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Detector;
import ad.core.registry.ComponentType;
import ad.core.registry.Registry;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import org.junit.jupiter.api.Test;

class ModelComponentsTest {

  @Test
  void theServiceFileRegistersTheDenseAutoencoder() {
    ComponentType<?, Detector> type =
        Registry.load().find(Detector.class, "dense_autoencoder").orElseThrow();
    assertTrue(type.optionsType() == DenseAutoencoderOptions.class);
    assertInstanceOf(DenseAutoencoder.class, type.create(DenseAutoencoderOptions.of(10)));
  }
}
