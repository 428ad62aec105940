package ad.models.train;

import ad.core.registry.OptionException;
import java.util.List;

/** Checks of the network-shape options that several families share, naming the YAML key. */
public final class NetworkOptions {
  private NetworkOptions() {}

  /** A required, non-empty list of positive widths. */
  public static List<Integer> widths(String field, List<Integer> layers) {
    if (layers == null || layers.isEmpty()) {
      throw new OptionException(field, "is required: the widths of the hidden layers, "
          + "e.g. [10] or [32, 16, 32]");
    }
    for (Integer width : layers) {
      if (width == null || width <= 0) {
        throw new OptionException(field, "must hold positive integers, got " + layers);
      }
    }
    return List.copyOf(layers);
  }
}
