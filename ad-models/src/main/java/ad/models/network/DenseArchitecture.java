package ad.models.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dense autoencoder: fully connected layers {@code columns -> hidden... -> columns}, trained to
 * reconstruct each row (from a corrupted copy when {@code noise} is set) under the mean squared error.
 *
 * @param columns values per row, in and out
 * @param hidden widths of the hidden layers
 * @param activation activation of every hidden layer
 * @param outputActivation activation of the output layer
 * @param dropout probability of dropping each hidden unit while training (inverted dropout; never the
 *     input or the output), in [0, 1)
 * @param noise the input noise of a denoising autoencoder, applied while training only; null for none
 */
public record DenseArchitecture(int columns, List<Integer> hidden, Activation activation,
    Activation outputActivation, double dropout, InputNoise noise) implements Architecture {

  public DenseArchitecture {
    if (columns <= 0) {
      throw new IllegalArgumentException("columns must be positive, got " + columns);
    }
    hidden = List.copyOf(hidden);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(outputActivation, "outputActivation");
  }

  @Override
  public long parameterCount() {
    return Architecture.dense(widths());
  }

  /**
   * The index in {@link #hidden} of the code layer: the narrowest hidden layer (the first of equals,
   * the encoder's side), whose activations are a row's code.
   */
  public int codeLayer() {
    int code = 0;
    for (int i = 1; i < hidden.size(); i++) {
      if (hidden.get(i) < hidden.get(code)) {
        code = i;
      }
    }
    return code;
  }

  /** The units of the {@link #codeLayer() code layer}. */
  public int codeWidth() {
    return hidden.get(codeLayer());
  }

  /** Every layer's width: {@code columns, hidden..., columns}. */
  public List<Integer> widths() {
    List<Integer> widths = new ArrayList<>();
    widths.add(columns);
    widths.addAll(hidden);
    widths.add(columns);
    return widths;
  }
}
