package ad.models.network;

import ad.core.registry.OptionException;
import ad.models.nn.NativeEngine;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which engine builds, trains and runs a family's network: the option {@code engine: native | dl4j}
 * of every autoencoder family.
 */
public enum Engine {
  /** ad's own engine ({@code ad.models.nn}): OpenBLAS products and Java vector kernels; the default. */
  NATIVE,
  /** DeepLearning4J. */
  DL4J;

  /** The name in YAML and in saved options. */
  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The implementation of this engine: the one place where the families' networks are dispatched on
   * the {@code engine} option.
   *
   * @throws OptionException naming {@code engine} if this build has no such engine
   */
  public NetworkEngine implementation() {
    return switch (this) {
      case NATIVE -> NativeEngine.INSTANCE;
      case DL4J -> throw new OptionException("engine", "dl4j is not built into this version of ad "
          + "yet; use engine: native (the default)");
    };
  }
}
