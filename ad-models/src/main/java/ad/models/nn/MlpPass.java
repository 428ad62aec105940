package ad.models.nn;

import ad.models.network.Activation;
import java.util.random.RandomGenerator;

/**
 * The buffers of forward and backward passes through one {@link Mlp}, for batches of up to
 * {@code capacity} rows; allocated once, so a training step allocates nothing. Confined to one thread.
 *
 * <p>Per layer it keeps the pre-activations {@code z}, the activations {@code a} (the same array as
 * {@code z} for the identity), the inverted-dropout mask and the dropped activations when dropout is
 * on, the error signal {@code delta}, and the weight and bias gradients. Buffers are row-major,
 * {@code rows x width}; only the first {@code count * width} values of a pass mean anything.
 *
 * <p>Dropout acts on the output of every hidden layer (never on the input or the output layer):
 * each unit is zeroed with probability {@code p} and the survivors are scaled by {@code 1 / (1 - p)}
 * (inverted dropout), so inference needs no rescaling.
 */
final class MlpPass {
  private final Mlp net;
  private final int capacity;
  private final float[][] z;
  private final float[][] a;
  private final float[][] mask;
  private final float[][] dropped;
  private final float[][] delta;
  private final float[][] weightGradients;
  private final float[][] biasGradients;
  private final float[] inputGradient;
  private final float[][] layerInput;
  private boolean droppedOut;

  /**
   * @param withInputGradient whether {@link #backward} also computes the gradient with respect to the
   *     input (a decoder fed by an encoder needs it; a plain autoencoder does not, and saves a product)
   */
  MlpPass(Mlp net, int capacity, boolean withInputGradient) {
    this.net = net;
    this.capacity = capacity;
    int layers = net.layers();
    z = new float[layers][];
    a = new float[layers][];
    mask = new float[layers][];
    dropped = new float[layers][];
    delta = new float[layers][];
    weightGradients = new float[layers][];
    biasGradients = new float[layers][];
    layerInput = new float[layers][];
    for (int l = 0; l < layers; l++) {
      int width = net.width(l + 1);
      z[l] = new float[capacity * width];
      a[l] = net.activation(l) == Activation.IDENTITY ? z[l] : new float[capacity * width];
      delta[l] = new float[capacity * width];
      weightGradients[l] = new float[net.weights[l].length];
      biasGradients[l] = new float[width];
    }
    inputGradient = withInputGradient ? new float[capacity * net.inputs()] : null;
  }

  /** A pass for inference only. */
  MlpPass(Mlp net, int capacity) {
    this(net, capacity, false);
  }

  Mlp net() {
    return net;
  }

  int capacity() {
    return capacity;
  }

  /** The output of {@code count} rows of {@code x} without dropout (inference). */
  float[] forward(float[] x, int count) {
    return forward(x, count, 0, null);
  }

  /**
   * The output of {@code count} rows of {@code x} ({@code count * inputs} values, row-major), with
   * dropout probability {@code dropout} on the hidden layers, masks drawn from {@code random}.
   * Returns the pass's own output buffer: valid until the next forward.
   */
  float[] forward(float[] x, int count, double dropout, RandomGenerator random) {
    if (count > capacity) {
      throw new IllegalArgumentException(count + " rows exceed the pass capacity " + capacity);
    }
    int layers = net.layers();
    float[] input = x;
    droppedOut = dropout > 0;
    for (int l = 0; l < layers; l++) {
      int in = net.width(l);
      int out = net.width(l + 1);
      layerInput[l] = input;
      Blas.gemm(false, false, count, out, in, input, net.weights[l], 0f, z[l]);
      Activations.applyWithBias(net.activation(l), z[l], net.biases[l], a[l], count, out);
      input = a[l];
      if (droppedOut && l < layers - 1) {
        input = dropOut(l, count * out, (float) dropout, random);
      }
    }
    return a[layers - 1];
  }

  /**
   * The activations of layer {@code layer} (0: the first hidden layer) of the last {@link #forward}:
   * the pass's own buffer, valid until the next forward.
   */
  float[] activations(int layer) {
    return a[layer];
  }

  /**
   * Back-propagates {@code outputGradient} (d loss / d output, {@code count x outputs}), the gradient
   * of the loss with respect to the outputs of the last {@link #forward} of {@code count} rows.
   * Overwrites the weight and bias gradients (and the input gradient, if kept).
   */
  void backward(float[] outputGradient, int count) {
    int layers = net.layers();
    int last = layers - 1;
    System.arraycopy(outputGradient, 0, delta[last], 0, count * net.outputs());
    for (int l = last; l >= 0; l--) {
      int in = net.width(l);
      int out = net.width(l + 1);
      float[] d = delta[l];
      Activations.backward(net.activation(l), z[l], a[l], d, d, count * out);
      Blas.gemm(true, false, in, out, count, layerInput[l], d, 0f, weightGradients[l]);
      columnSums(d, count, out, biasGradients[l]);
      if (l > 0) {
        Blas.gemm(false, true, count, in, out, d, net.weights[l], 0f, delta[l - 1]);
        if (droppedOut) {
          float[] m = mask[l - 1];
          float[] prev = delta[l - 1];
          for (int i = 0; i < count * in; i++) {
            prev[i] *= m[i];
          }
        }
      } else if (inputGradient != null) {
        Blas.gemm(false, true, count, in, out, d, net.weights[0], 0f, inputGradient);
      }
    }
  }

  /** d loss / d input of the last {@link #backward}; needs {@code withInputGradient}. */
  float[] inputGradient() {
    if (inputGradient == null) {
      throw new IllegalStateException("this pass was built without the input gradient");
    }
    return inputGradient;
  }

  float[] weightGradient(int layer) {
    return weightGradients[layer];
  }

  float[] biasGradient(int layer) {
    return biasGradients[layer];
  }

  private float[] dropOut(int layer, int n, float p, RandomGenerator random) {
    if (mask[layer] == null) {
      mask[layer] = new float[z[layer].length];
      dropped[layer] = new float[z[layer].length];
    }
    DropoutLayer.drop(a[layer], mask[layer], dropped[layer], n, p, random);
    return dropped[layer];
  }

  private static void columnSums(float[] d, int rows, int width, float[] sums) {
    java.util.Arrays.fill(sums, 0f);
    for (int r = 0; r < rows; r++) {
      int base = r * width;
      for (int j = 0; j < width; j++) {
        sums[j] += d[base + j];
      }
    }
  }
}
