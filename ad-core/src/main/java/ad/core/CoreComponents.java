package ad.core;

import ad.core.data.CsvSource;
import ad.core.data.DatasetSource;
import ad.core.data.IdxImageSource;
import ad.core.data.SeriesSource;
import ad.core.data.SyntheticSource;
import ad.core.protocol.FixedProtocol;
import ad.core.protocol.HoldoutNoveltyProtocol;
import ad.core.protocol.NoveltyProtocol;
import ad.core.protocol.Protocol;
import ad.core.protocol.UnsupervisedProtocol;
import ad.core.registry.ComponentProvider;
import ad.core.registry.ComponentType;
import ad.core.scale.MinMaxScaler;
import ad.core.scale.Scaler;
import ad.core.scale.RobustScaler;
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
        ComponentType.of(DatasetSource.class, "csv",
            "a labelled CSV table (plain or gzip); categorical columns one-hot encoded after the split",
            CsvSource.class, s -> s),
        ComponentType.of(DatasetSource.class, "idx_images",
            "IDX images (MNIST, Fashion-MNIST) for one-class detection: chosen classes are normal",
            IdxImageSource.class, s -> s),
        ComponentType.of(DatasetSource.class, "series",
            "time series files cut into sliding windows; window scores map back to points",
            SeriesSource.class, s -> s),
        ComponentType.of(Protocol.class, "novelty",
            "train on normal rows only; hold out normal rows for the threshold; anomalies all in test",
            NoveltyProtocol.class, p -> p),
        ComponentType.of(Protocol.class, "unsupervised",
            "train on contaminated data: stratified 70/30 split (ADBench); labels only evaluate",
            UnsupervisedProtocol.class, p -> p),
        ComponentType.of(Protocol.class, "fixed",
            "the train and test parts the source gives (train/test files, a train prefix per series)",
            FixedProtocol.class, p -> p),
        ComponentType.of(Protocol.class, "novelty_holdout",
            "test on a seeded fraction of ALL rows; train on the normal rows of the rest (DAGMM)",
            HoldoutNoveltyProtocol.class, p -> p),
        ComponentType.of(Scaler.class, "min_max",
            "each column to [0, 1] by its training min and max", MinMaxScaler::new),
        ComponentType.of(Scaler.class, "standard",
            "each column to zero mean, unit std on the training data", StandardScaler::new),
        ComponentType.of(Scaler.class, "robust",
            "each column centred on its training median, divided by its IQR / 1.349 (outliers do not "
                + "set the scale)", RobustScaler::new),
        ComponentType.of(Scaler.class, "none", "no scaling", Scaler::identity));
  }
}
