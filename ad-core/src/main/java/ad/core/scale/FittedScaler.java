package ad.core.scale;

import ad.core.Dataset;

/** A scaling transform whose statistics are fixed; applies the same mapping to any data. */
@FunctionalInterface
public interface FittedScaler {

  Dataset transform(Dataset data);
}
