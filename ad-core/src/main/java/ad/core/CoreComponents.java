package ad.core;

import ad.core.data.DatasetSource;
import ad.core.data.SyntheticSource;
import ad.core.protocol.NoveltyProtocol;
import ad.core.protocol.Protocol;
import ad.core.registry.ComponentProvider;
import ad.core.registry.ComponentType;
import ad.core.scale.MinMaxScaler;
import ad.core.scale.Scaler;
import ad.core.scale.StandardScaler;
import java.util.List;

/** Registers the dataset sources, protocols and scalers of ad-core. */
public final class CoreComponents implements ComponentProvider {

  @Override
  public List<ComponentType<?, ?>> components() {
    return List.of(
        ComponentType.of(DatasetSource.class, "synthetic",
            "Gaussian clusters: normal and anomalous rows with given counts, means and stds",
            SyntheticSource.class, s -> s),
        ComponentType.of(Protocol.class, "novelty",
            "train on normal rows only; hold out normal rows for the threshold; anomalies all in test",
            NoveltyProtocol.class, p -> p),
        ComponentType.of(Scaler.class, "min_max",
            "each column to [0, 1] by its training min and max", MinMaxScaler::new),
        ComponentType.of(Scaler.class, "standard",
            "each column to zero mean, unit std on the training data", StandardScaler::new),
        ComponentType.of(Scaler.class, "none", "no scaling", Scaler::identity));
  }
}
