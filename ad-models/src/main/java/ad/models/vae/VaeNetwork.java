package ad.models.vae;

import ad.models.engine.Activation;
import ad.models.engine.Mlp;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a VAE: an encoder {@code columns -> hidden... -> 2 * latent} whose output row is
 * {@code [mu, log-variance]} of the Gaussian posterior {@code q(z | x)}, a decoder
 * {@code latent -> reversed hidden... -> columns} whose output parameterises {@code p(x | z)} (see
 * {@link Likelihood}), and, for the Gaussian likelihood, one log-variance per feature (starting at 0,
 * variance 1). Both nets have identity outputs. Mutable while training; scoring works on copies.
 */
final class VaeNetwork {
  final Mlp encoder;
  final Mlp decoder;
  final float[] logVariance;
  final int latent;

  private VaeNetwork(Mlp encoder, Mlp decoder, float[] logVariance, int latent) {
    this.encoder = encoder;
    this.decoder = decoder;
    this.logVariance = logVariance;
    this.latent = latent;
  }

  static VaeNetwork create(int columns, List<Integer> hidden, int latent, Activation activation,
      long encoderSeed, long decoderSeed) {
    List<Integer> encoderWidths = new ArrayList<>();
    encoderWidths.add(columns);
    encoderWidths.addAll(hidden);
    encoderWidths.add(2 * latent);
    List<Integer> decoderWidths = new ArrayList<>();
    decoderWidths.add(latent);
    for (int i = hidden.size() - 1; i >= 0; i--) {
      decoderWidths.add(hidden.get(i));
    }
    decoderWidths.add(columns);
    return new VaeNetwork(Mlp.xavier(encoderWidths, activation, Activation.IDENTITY, encoderSeed),
        Mlp.xavier(decoderWidths, activation, Activation.IDENTITY, decoderSeed), new float[columns],
        latent);
  }

  int columns() {
    return encoder.inputs();
  }

  float[] snapshot() {
    float[] e = encoder.parameters();
    float[] d = decoder.parameters();
    float[] all = new float[e.length + d.length + logVariance.length];
    System.arraycopy(e, 0, all, 0, e.length);
    System.arraycopy(d, 0, all, e.length, d.length);
    System.arraycopy(logVariance, 0, all, e.length + d.length, logVariance.length);
    return all;
  }

  void restore(float[] all) {
    int e = encoder.parameterCount();
    int d = decoder.parameterCount();
    encoder.setParameters(java.util.Arrays.copyOfRange(all, 0, e));
    decoder.setParameters(java.util.Arrays.copyOfRange(all, e, e + d));
    System.arraycopy(all, e + d, logVariance, 0, logVariance.length);
  }

  VaeNetwork copy() {
    return new VaeNetwork(encoder.copy(), decoder.copy(), logVariance.clone(), latent);
  }
}
