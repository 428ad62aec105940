package ad.models.train;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import java.util.List;
import java.util.Locale;

/** Checks of the network-shape options that several families share, naming the YAML key. */
public final class NetworkOptions {
  /** The activation names accepted for {@code activation} and {@code output_activation}. */
  public static final List<String> ACTIVATIONS = List.of("relu", "leakyrelu", "elu", "selu", "gelu",
      "swish", "mish", "tanh", "sigmoid", "hardsigmoid", "hardtanh", "softplus", "softsign",
      "identity");

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

  /** One of {@link #ACTIVATIONS}, case-insensitive; returns the canonical lower-case spelling. */
  public static String activation(String field, String name) {
    return Options.oneOf(field, name.toLowerCase(Locale.ROOT), ACTIVATIONS);
  }
}
