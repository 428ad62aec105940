package ad.core.scale;

import ad.core.Dataset;

/** A feature scaling rule; {@link #fit} learns its statistics from training data only. */
public interface Scaler {

  FittedScaler fit(Dataset train);

  /** Leaves the data as it is. */
  static Scaler identity() {
    return train -> data -> data;
  }
}
