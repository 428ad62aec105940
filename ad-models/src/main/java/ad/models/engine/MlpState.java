package ad.models.engine;

import ad.core.persist.StateWriter;
import ad.models.state.CheckedState;
import java.util.List;

/**
 * An {@link Mlp}'s parameters as state: {@code <prefix>layer<l>/weights} and
 * {@code <prefix>layer<l>/biases} (floats) for each layer. The widths and activations are not saved:
 * they follow from the detector's options and the saved input width, and the loaded arrays must fit
 * them exactly.
 */
public final class MlpState {
  private MlpState() {}

  public static void write(StateWriter out, String prefix, Mlp net) {
    for (int l = 0; l < net.layers(); l++) {
      out.floats(prefix + "layer" + l + "/weights", net.weights[l]);
      out.floats(prefix + "layer" + l + "/biases", net.biases[l]);
    }
  }

  /** The network of the given shape with the saved parameters. */
  public static Mlp read(CheckedState in, String prefix, List<Integer> widths, Activation hidden,
      Activation output) {
    int[] w = widths.stream().mapToInt(Integer::intValue).toArray();
    int layers = w.length - 1;
    float[][] weights = new float[layers][];
    float[][] biases = new float[layers][];
    for (int l = 0; l < layers; l++) {
      weights[l] = in.floats(prefix + "layer" + l + "/weights", Math.multiplyExact(w[l], w[l + 1]));
      biases[l] = in.floats(prefix + "layer" + l + "/biases", w[l + 1]);
    }
    return new Mlp(w, hidden, output, weights, biases);
  }
}
