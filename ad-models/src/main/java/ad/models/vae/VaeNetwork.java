package ad.models.vae;

import ad.models.engine.Activation;
import ad.core.persist.StateWriter;
import ad.models.engine.Mlp;
import ad.models.engine.MlpState;
import ad.models.state.CheckedState;
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
    return new VaeNetwork(
        Mlp.xavier(encoderWidths(columns, hidden, latent), activation, Activation.IDENTITY,
            encoderSeed),
        Mlp.xavier(decoderWidths(columns, hidden, latent), activation, Activation.IDENTITY,
            decoderSeed),
        new float[columns], latent);
  }

  /**
   * State: {@code encoder/...} and {@code decoder/...} (see {@link MlpState}) and
   * {@code log_variance} (one per column; all zero, unused, for the Bernoulli likelihood).
   */
  void save(StateWriter out) {
    MlpState.write(out, "encoder/", encoder);
    MlpState.write(out, "decoder/", decoder);
    out.floats("log_variance", logVariance);
  }

  /** The network {@link #save} wrote, checked against the shape that the arguments imply. */
  static VaeNetwork load(CheckedState in, int columns, List<Integer> hidden, int latent,
      Activation activation) {
    return new VaeNetwork(
        MlpState.read(in, "encoder/", encoderWidths(columns, hidden, latent), activation,
            Activation.IDENTITY),
        MlpState.read(in, "decoder/", decoderWidths(columns, hidden, latent), activation,
            Activation.IDENTITY),
        in.floats("log_variance", columns), latent);
  }

  /** {@code columns -> hidden... -> 2 * latent}. */
  private static List<Integer> encoderWidths(int columns, List<Integer> hidden, int latent) {
    List<Integer> widths = new ArrayList<>();
    widths.add(columns);
    widths.addAll(hidden);
    widths.add(2 * latent);
    return widths;
  }

  /** {@code latent -> reversed hidden... -> columns}. */
  private static List<Integer> decoderWidths(int columns, List<Integer> hidden, int latent) {
    List<Integer> widths = new ArrayList<>();
    widths.add(latent);
    for (int i = hidden.size() - 1; i >= 0; i--) {
      widths.add(hidden.get(i));
    }
    widths.add(columns);
    return widths;
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
