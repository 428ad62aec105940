package ad.models.network;

import java.util.List;
import java.util.Objects;

/**
 * An LSTM autoencoder for windows of a multichannel series ({@code steps x channels}, channels
 * fastest): an encoder LSTM per entry of {@code hidden} (every step of one feeds the next; the last
 * keeps only its state after the last step: the code), the code repeated over the steps, a decoder
 * LSTM per entry of {@code hidden} in reverse order, and a dense layer per step back to the channels
 * with {@code outputActivation}. Trained on the mean squared error per value, as the other
 * autoencoders (Malhotra et al. 2016, "LSTM-based encoder-decoder for multi-sensor anomaly
 * detection").
 *
 * @param steps steps per window
 * @param channels values per step
 * @param hidden units of each encoder LSTM; the decoder mirrors them
 * @param activation the LSTMs' cell and output activation (tanh in the original LSTM)
 * @param outputActivation activation of the per-step output layer
 * @param dropout probability of dropping each hidden unit (every LSTM's output) while training
 */
public record LstmArchitecture(int steps, int channels, List<Integer> hidden, Activation activation,
    Activation outputActivation, double dropout) implements Architecture {

  public LstmArchitecture {
    if (steps <= 0 || channels <= 0) {
      throw new IllegalArgumentException("steps and channels must be positive, got " + steps + ", "
          + channels);
    }
    hidden = List.copyOf(hidden);
    if (hidden.isEmpty()) {
      throw new IllegalArgumentException("an LSTM autoencoder needs at least one layer");
    }
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(outputActivation, "outputActivation");
  }

  /**
   * Each LSTM's input, recurrent and bias weights for its four gates ({@code 4 h (in + h + 1)}), the
   * encoder's from the channels, the decoder's from the code, and the per-step output layer.
   */
  @Override
  public long parameterCount() {
    int layers = hidden.size();
    long total = 0;
    for (int i = 0; i < layers; i++) {
      total = Architecture.sum(total, lstm(i == 0 ? channels : hidden.get(i - 1), hidden.get(i)));
    }
    for (int i = layers - 1; i >= 0; i--) {
      total = Architecture.sum(total, lstm(i == layers - 1 ? hidden.get(i) : hidden.get(i + 1), hidden.get(i)));
    }
    return Architecture.sum(total, Architecture.dense(List.of(hidden.get(0), channels)));
  }

  private static long lstm(long in, long units) {
    return Architecture.product(4 * units, Architecture.sum(Architecture.sum(in, units), 1));
  }

  /** Values per window. */
  public int features() {
    return steps * channels;
  }
}
