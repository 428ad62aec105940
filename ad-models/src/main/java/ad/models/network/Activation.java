package ad.models.network;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The activation functions every family and engine offers: the one set, named as the YAML options
 * name them ({@code activation: relu}). The native engine computes them in {@code ad.models.nn}, with
 * the definitions given there; another engine maps each to its own.
 *
 * <p>Definitions (DL4J's where it has a choice): leaky ReLU slope 0.01, ELU alpha 1, SELU with the
 * constants of Klambauer et al. (2017), GELU the tanh approximation of Hendrycks and Gimpel (2016),
 * swish {@code x sigmoid(x)}, mish {@code x tanh(softplus(x))}, hard sigmoid
 * {@code clip(0.2 x + 0.5, 0, 1)}, hard tanh {@code clip(x, -1, 1)}.
 */
public enum Activation {
  RELU, LEAKYRELU, ELU, SELU, GELU, SWISH, MISH, TANH, SIGMOID, HARDSIGMOID, HARDTANH, SOFTPLUS,
  SOFTSIGN, IDENTITY;

  /** The name in YAML and in saved options: {@code relu}, {@code leakyrelu}, ... */
  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
