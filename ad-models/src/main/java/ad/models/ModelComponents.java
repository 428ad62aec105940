package ad.models;

import ad.core.Detector;
import ad.core.registry.ComponentProvider;
import ad.core.registry.ComponentType;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import java.util.List;

/** Registers the detectors of ad-models; listed in {@code META-INF/services}. */
public final class ModelComponents implements ComponentProvider {

  @Override
  public List<ComponentType<?, ?>> components() {
    return List.of(
        ComponentType.of(Detector.class, "dense_autoencoder",
            "fully connected autoencoder; score = mean squared reconstruction error per row",
            DenseAutoencoderOptions.class, DenseAutoencoder::new));
  }
}
