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
    assertInstanceOf(DenseAutoencoder.class, type.create(new DenseAutoencoderOptions(java.util.List.of(10))));
  }

  @Test
  void theServiceFileRegistersTheDenoisingAndVariationalAutoencoders() {
    Registry registry = Registry.load();
    ComponentType<?, Detector> denoising =
        registry.find(Detector.class, "denoising_autoencoder").orElseThrow();
    assertInstanceOf(ad.models.dense.DenoisingAutoencoder.class,
        denoising.create(new ad.models.dense.DenoisingAutoencoderOptions(java.util.List.of(10))));
    ComponentType<?, Detector> vae =
        registry.find(Detector.class, "variational_autoencoder").orElseThrow();
    assertInstanceOf(ad.models.vae.VariationalAutoencoder.class,
        vae.create(new ad.models.vae.VariationalAutoencoderOptions(java.util.List.of(10))));
  }
}
