package ad.models.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A variational autoencoder (Kingma and Welling 2014): an encoder {@code columns -> hidden... ->
 * 2 * latent} whose output row is {@code [mu, log-variance]} of the Gaussian posterior, a decoder
 * {@code latent -> reversed hidden... -> columns} whose output parameterises {@code p(x | z)}, both
 * with identity outputs, and for the Gaussian likelihood one learned log-variance per feature
 * (starting at 0). Trained on the negative ELBO {@code nll(x | z) + beta * KL(q(z | x) || N(0, I))}
 * with one reparameterised draw per row.
 *
 * @param columns values per row
 * @param hidden widths of the encoder's hidden layers; the decoder mirrors them
 * @param latent size of the latent space
 * @param activation activation of every hidden layer
 * @param likelihood the decoder's distribution
 * @param beta weight of the KL term
 * @param dropout probability of dropping each hidden unit of both nets while training
 */
public record VaeArchitecture(int columns, List<Integer> hidden, int latent, Activation activation,
    Likelihood likelihood, double beta, double dropout) implements Architecture {

  public VaeArchitecture {
    hidden = List.copyOf(hidden);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(likelihood, "likelihood");
    if (columns <= 0 || latent <= 0) {
      throw new IllegalArgumentException("columns and latent must be positive");
    }
  }

  /**
   * Encoder and decoder weights and biases, and a log-variance per feature: the Gaussian likelihood
   * trains it; with the Bernoulli one the native engine holds it unused and DL4J has none, so this is
   * the larger of the two engines' counts.
   */
  @Override
  public long parameterCount() {
    return Architecture.sum(Architecture.sum(Architecture.dense(encoderWidths()),
        Architecture.dense(decoderWidths())), columns);
  }

  /** {@code columns -> hidden... -> 2 * latent}. */
  public List<Integer> encoderWidths() {
    List<Integer> widths = new ArrayList<>();
    widths.add(columns);
    widths.addAll(hidden);
    widths.add(2 * latent);
    return widths;
  }

  /** {@code latent -> reversed hidden... -> columns}. */
  public List<Integer> decoderWidths() {
    List<Integer> widths = new ArrayList<>();
    widths.add(latent);
    for (int i = hidden.size() - 1; i >= 0; i--) {
      widths.add(hidden.get(i));
    }
    widths.add(columns);
    return widths;
  }
}
