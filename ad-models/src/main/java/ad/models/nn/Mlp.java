package ad.models.nn;

import ad.models.network.Activation;
import ad.models.network.ParameterArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The parameters of a stack of fully connected layers, {@code widths[0] -> widths[1] -> ...}, with one
 * activation for the hidden layers and one for the output layer.
 *
 * <p>Layer {@code l} maps {@code widths[l]} inputs to {@code widths[l + 1]} outputs with a row-major
 * weight matrix {@code widths[l] x widths[l + 1]} (so a batch is {@code X W + b}, one product with no
 * transpose) and a bias vector. Weights start Xavier-normal ({@code N(0, 2 / (fanIn + fanOut))}, DL4J's
 * {@code XAVIER}), biases at zero.
 *
 * <p>Mutable: an optimiser updates the arrays in place. Passes ({@link MlpPass}) only read them, so
 * any number of threads may run passes over one trained network.
 */
final class Mlp {
  private final int[] widths;
  private final Activation hidden;
  private final Activation output;
  final float[][] weights;
  final float[][] biases;

  private Mlp(int[] widths, Activation hidden, Activation output, float[][] weights,
      float[][] biases) {
    this.widths = widths;
    this.hidden = hidden;
    this.output = output;
    this.weights = weights;
    this.biases = biases;
  }

  /** A new network with Xavier-normal weights drawn from {@code seed}. */
  static Mlp xavier(List<Integer> widths, Activation hidden, Activation output, long seed) {
    if (widths.size() < 2) {
      throw new IllegalArgumentException("a network needs at least an input and an output width");
    }
    int[] w = widths.stream().mapToInt(Integer::intValue).toArray();
    int layers = w.length - 1;
    float[][] weights = new float[layers][];
    float[][] biases = new float[layers][];
    SplittableRandom random = new SplittableRandom(seed);
    for (int l = 0; l < layers; l++) {
      double std = Math.sqrt(2.0 / (w[l] + w[l + 1]));
      weights[l] = new float[w[l] * w[l + 1]];
      for (int i = 0; i < weights[l].length; i++) {
        weights[l][i] = (float) (std * random.nextGaussian());
      }
      biases[l] = new float[w[l + 1]];
    }
    return new Mlp(w, hidden, output, weights, biases);
  }

  int inputs() {
    return widths[0];
  }

  int outputs() {
    return widths[widths.length - 1];
  }

  int layers() {
    return widths.length - 1;
  }

  int width(int index) {
    return widths[index];
  }

  Activation activation(int layer) {
    return layer == layers() - 1 ? output : hidden;
  }

  /** The number of weights and biases. */
  int parameterCount() {
    int n = 0;
    for (int l = 0; l < layers(); l++) {
      n += weights[l].length + biases[l].length;
    }
    return n;
  }

  /** All parameters in one new array: each layer's weights, then its biases. */
  float[] parameters() {
    float[] flat = new float[parameterCount()];
    int at = 0;
    for (int l = 0; l < layers(); l++) {
      System.arraycopy(weights[l], 0, flat, at, weights[l].length);
      at += weights[l].length;
      System.arraycopy(biases[l], 0, flat, at, biases[l].length);
      at += biases[l].length;
    }
    return flat;
  }

  /** Overwrites every parameter from {@code flat}, laid out as {@link #parameters()} returns them. */
  void setParameters(float[] flat) {
    if (flat.length != parameterCount()) {
      throw new IllegalArgumentException(flat.length + " values for " + parameterCount()
          + " parameters");
    }
    int at = 0;
    for (int l = 0; l < layers(); l++) {
      System.arraycopy(flat, at, weights[l], 0, weights[l].length);
      at += weights[l].length;
      System.arraycopy(flat, at, biases[l], 0, biases[l].length);
      at += biases[l].length;
    }
  }

  /**
   * Copies of the arrays under the keys a model file keeps them: {@code <prefix>layer<l>/weights}
   * (row-major, inputs x outputs) and {@code <prefix>layer<l>/biases}.
   */
  List<ParameterArray> parameterArrays(String prefix) {
    List<ParameterArray> arrays = new ArrayList<>();
    for (int l = 0; l < layers(); l++) {
      arrays.add(new ParameterArray(prefix + "layer" + l + "/weights", weights[l].clone()));
      arrays.add(new ParameterArray(prefix + "layer" + l + "/biases", biases[l].clone()));
    }
    return arrays;
  }

  /**
   * Sets the parameters from {@code arrays}, starting at index {@code from}, laid out as
   * {@link #parameterArrays} gives them; returns the index after the last one used.
   */
  int setParameterArrays(List<ParameterArray> arrays, int from, String prefix) {
    int at = from;
    for (int l = 0; l < layers(); l++) {
      copy(arrays.get(at++), prefix + "layer" + l + "/weights", weights[l]);
      copy(arrays.get(at++), prefix + "layer" + l + "/biases", biases[l]);
    }
    return at;
  }

  /** Copies {@code array} into {@code target}, if it has the key and length expected. */
  static void copy(ParameterArray array, String key, float[] target) {
    if (!array.key().equals(key) || array.values().length != target.length) {
      throw new IllegalArgumentException("expected " + target.length + " values under '" + key
          + "', got " + array.values().length + " under '" + array.key() + "'");
    }
    System.arraycopy(array.values(), 0, target, 0, target.length);
  }

  /** Pairs each weight and bias array with its gradient in {@code pass}, for an optimiser. */
  List<Parameter> parameters(MlpPass pass) {
    if (pass.net() != this) {
      throw new IllegalArgumentException("the pass runs another network");
    }
    List<Parameter> list = new ArrayList<>();
    for (int l = 0; l < layers(); l++) {
      list.add(new Parameter(weights[l], pass.weightGradient(l), true));
      list.add(new Parameter(biases[l], pass.biasGradient(l), false));
    }
    return list;
  }

  @Override
  public String toString() {
    return "Mlp" + Arrays.toString(widths) + "(" + hidden + ", " + output + ")";
  }
}
