package ad.core.scale;

import ad.core.Dataset;

/** A feature scaling rule; {@link #fit} learns its statistics from training data only. */
public interface Scaler {

  FittedScaler fit(Dataset train);

  /** Restores what {@link FittedScaler#save} wrote. */
  default FittedScaler load(ad.core.persist.StateReader in) {
    return data -> data;
  }

  /** Leaves the data as it is. */
  static Scaler identity() {
    return train -> data -> data;
  }
}
