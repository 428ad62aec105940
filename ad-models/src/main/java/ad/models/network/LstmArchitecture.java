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
    Activation outputActivation, double dropout) {

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

  /** Values per window. */
  public int features() {
    return steps * channels;
  }
}
