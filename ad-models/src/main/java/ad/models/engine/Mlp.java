package ad.models.engine;

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
 * <p>Mutable: an optimiser updates the arrays in place. Passes ({@link MlpPass}) read them; to score
 * from several threads, give each its own {@link #copy()}.
 */
public final class Mlp {
  private final int[] widths;
  private final Activation hidden;
  private final Activation output;
  final float[][] weights;
  final float[][] biases;

  Mlp(int[] widths, Activation hidden, Activation output, float[][] weights,
      float[][] biases) {
    this.widths = widths;
    this.hidden = hidden;
    this.output = output;
    this.weights = weights;
    this.biases = biases;
  }

  /** A new network with Xavier-normal weights drawn from {@code seed}. */
  public static Mlp xavier(List<Integer> widths, Activation hidden, Activation output, long seed) {
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

  public int inputs() {
    return widths[0];
  }

  public int outputs() {
    return widths[widths.length - 1];
  }

  public int layers() {
    return widths.length - 1;
  }

  int width(int index) {
    return widths[index];
  }

  Activation activation(int layer) {
    return layer == layers() - 1 ? output : hidden;
  }

  /** The number of weights and biases. */
  public int parameterCount() {
    int n = 0;
    for (int l = 0; l < layers(); l++) {
      n += weights[l].length + biases[l].length;
    }
    return n;
  }

  /** All parameters in one new array: each layer's weights, then its biases. */
  public float[] parameters() {
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
  public void setParameters(float[] flat) {
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

  /** An independent copy with the same parameters. */
  public Mlp copy() {
    float[][] w = new float[layers()][];
    float[][] b = new float[layers()][];
    for (int l = 0; l < layers(); l++) {
      w[l] = weights[l].clone();
      b[l] = biases[l].clone();
    }
    return new Mlp(widths, hidden, output, w, b);
  }

  /** Pairs each weight and bias array with its gradient in {@code pass}, for an optimiser. */
  public List<Parameter> parameters(MlpPass pass) {
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
