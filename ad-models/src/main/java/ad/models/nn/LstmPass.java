package ad.models.nn;

import ad.models.network.Activation;
import java.util.Arrays;

/**
 * The buffers of forward and backward passes through one {@link Lstm} layer, over sequences of
 * {@code steps} steps for batches of up to {@code capacity} samples; allocated once, so a training
 * step allocates nothing. Confined to one thread.
 *
 * <p>Sequences are time-major: step {@code t} of sample {@code r} is row {@code t * count + r} of a
 * {@code (steps * count) x width} array, so a step is one contiguous block. The products run
 * through OpenBLAS ({@link Blas}): the input product of every step at once ({@code [steps * count
 * x inputs] x [inputs x 4 units]}), then per step the recurrent product ({@code [count x units] x
 * [units x 4 units]}) added to it; the gate arithmetic in between is plain loops over each row's
 * gate blocks. Backward through time runs the steps in reverse with one product per step (the
 * gradient for the previous step's output); the weight gradients are then two products over all
 * steps at once.
 *
 * <p>Why per-step arrays for what a step's product writes or reads ({@code z}, the latest output):
 * the OpenBLAS binding copies a whole Java array in and out of native memory for each call, so a
 * per-step product on a slice of one big array would copy all of it, at every step.
 *
 * <p>A layer whose input is the same at every step ({@code repeatedInput}: the decoder's first
 * layer, fed the code) takes one row per sample and computes its input product once; its gradients
 * sum over the steps first.
 *
 * <p>Inference passes ({@code history} false) keep only the last two steps' states, as nothing
 * runs backward through them.
 */
final class LstmPass {
  private final Lstm layer;
  private final int steps;
  private final int capacity;
  private final boolean repeatedInput;
  private final boolean history;
  private final int units;
  private final int width;
  private final Activation activation;

  /** The input products, per step ({@code steps * capacity x 4 units}) or once if repeated. */
  private final float[] inputProducts;
  /** Per kept step: the pre-activations, {@code capacity x 4 units}. */
  private final float[][] z;
  /** Per kept step: the activations of the four blocks, laid out as {@code z}. */
  private final float[][] gates;
  /** Per kept step: the cell state and its activation, {@code capacity x units}. */
  private final float[][] cell;
  private final float[][] cellActivation;
  /** The latest step's output, the next step's recurrent input. */
  private final float[] hidden;
  /** Every step's output, time-major: what the next layer reads. */
  private final float[] output;

  // Backward only (null for inference passes).
  /** Every step's previous output (zeros at step 0), time-major: the recurrent products' inputs. */
  private final float[] previous;
  /** Every step's pre-activation gradients, time-major. */
  private final float[] dz;
  private final float[] dzStep;
  private final float[] dzSum;
  private final float[] dh;
  private final float[] dhRecurrent;
  private final float[] dc;
  private final float[] dcNext;
  private final float[] weightGradient;
  private final float[] recurrentWeightGradient;
  private final float[] biasGradient;
  private final float[] inputGradient;

  private float[] input;
  private int count;

  /**
   * @param history whether the pass keeps every step for {@link #backward} (training)
   * @param withInputGradient whether {@link #backward} also computes the gradient with respect to
   *     the input (every layer but the first needs it)
   */
  LstmPass(Lstm layer, int steps, int capacity, boolean repeatedInput, boolean history,
      boolean withInputGradient) {
    this.layer = layer;
    this.steps = steps;
    this.capacity = capacity;
    this.repeatedInput = repeatedInput;
    this.history = history;
    this.units = layer.units();
    this.width = Lstm.GATES * units;
    this.activation = layer.activation();
    int rows = repeatedInput ? capacity : steps * capacity;
    inputProducts = new float[rows * width];
    int kept = history ? steps : Math.min(2, steps);
    z = new float[kept][capacity * width];
    gates = new float[kept][capacity * width];
    cell = new float[kept][capacity * units];
    cellActivation = new float[kept][capacity * units];
    hidden = new float[capacity * units];
    output = new float[steps * capacity * units];
    if (history) {
      previous = new float[steps * capacity * units];
      dz = new float[steps * capacity * width];
      dzStep = new float[capacity * width];
      dzSum = repeatedInput ? new float[capacity * width] : null;
      dh = new float[capacity * units];
      dhRecurrent = new float[capacity * units];
      dc = new float[capacity * units];
      dcNext = new float[capacity * units];
      weightGradient = new float[layer.weights.length];
      recurrentWeightGradient = new float[layer.recurrentWeights.length];
      biasGradient = new float[width];
      inputGradient = withInputGradient ? new float[rows * layer.inputs()] : null;
    } else {
      previous = dz = dzStep = dzSum = dh = dhRecurrent = dc = dcNext = null;
      weightGradient = recurrentWeightGradient = biasGradient = inputGradient = null;
    }
  }

  Lstm layer() {
    return layer;
  }

  private int slot(int step) {
    return history ? step : step & 1;
  }

  /**
   * Runs the layer over {@code count} samples of {@code x}: time-major {@code steps * count} rows
   * of {@code inputs}, or {@code count} rows if the input is repeated. Returns every step's output,
   * time-major ({@code steps * count x units}), in the pass's own buffer: valid until the next
   * forward.
   */
  float[] forward(float[] x, int count) {
    if (count > capacity) {
      throw new IllegalArgumentException(count + " samples exceed the pass capacity " + capacity);
    }
    this.input = x;
    this.count = count;
    int n = count * units;
    Blas.gemm(false, false, repeatedInput ? count : steps * count, width, layer.inputs(), x,
        layer.weights, 0f, inputProducts);
    if (history) {
      Arrays.fill(previous, 0, n, 0f);
    }
    for (int t = 0; t < steps; t++) {
      float[] zt = z[slot(t)];
      float[] gt = gates[slot(t)];
      float[] ct = cell[slot(t)];
      float[] at = cellActivation[slot(t)];
      int from = repeatedInput ? 0 : t * count * width;
      for (int r = 0; r < count; r++) {
        addBias(inputProducts, from + r * width, zt, r * width);
      }
      if (t > 0) {
        Blas.gemm(false, false, count, width, units, hidden, layer.recurrentWeights, 1f, zt);
      }
      for (int r = 0; r < count; r++) {
        int row = r * width;
        Activations.apply(activation, zt, gt, row, units);
        Activations.apply(Activation.SIGMOID, zt, gt, row + units, 3 * units);
        if (t == 0) {
          startCell(gt, row, ct, r * units);
        } else {
          updateCell(gt, row, cell[slot(t - 1)], ct, r * units);
        }
      }
      Activations.apply(activation, ct, at, 0, n);
      for (int r = 0; r < count; r++) {
        emit(gt, r * width + Lstm.OUTPUT * units, at, hidden, r * units);
      }
      System.arraycopy(hidden, 0, output, t * n, n);
      if (history && t + 1 < steps) {
        System.arraycopy(hidden, 0, previous, (t + 1) * n, n);
      }
    }
    return output;
  }

  /** {@code z[to + k] = products[from + k] + b[k]} for one row. */
  private void addBias(float[] products, int from, float[] zt, int to) {
    float[] b = layer.biases;
    for (int k = 0; k < width; k++) {
      zt[to + k] = products[from + k] + b[k];
    }
  }

  /** {@code c = i g} (the first step: no previous cell) for one row. */
  private void startCell(float[] g, int row, float[] c, int at) {
    int in = row + Lstm.INPUT_GATE * units;
    for (int j = 0; j < units; j++) {
      c[at + j] = g[in + j] * g[row + j];
    }
  }

  /** {@code c = f c_prev + i g} for one row. */
  private void updateCell(float[] g, int row, float[] previousCell, float[] c, int at) {
    int in = row + Lstm.INPUT_GATE * units;
    int forget = row + Lstm.FORGET * units;
    for (int j = 0; j < units; j++) {
      c[at + j] = g[forget + j] * previousCell[at + j] + g[in + j] * g[row + j];
    }
  }

  /** {@code h = o act(c)} for one row. */
  private void emit(float[] g, int outputGate, float[] cellActivation, float[] h, int at) {
    for (int j = 0; j < units; j++) {
      h[at + j] = g[outputGate + j] * cellActivation[at + j];
    }
  }

  /**
   * Back-propagates through all steps of the last {@link #forward}: {@code outputGradient} is
   * d loss / d output, time-major {@code steps * count x units}, or, if {@code lastStepOnly}, only
   * the last step's ({@code count x units}; the other steps' outputs went nowhere). Overwrites the
   * weight, recurrent weight and bias gradients, and the input gradient if kept.
   */
  void backward(float[] outputGradient, boolean lastStepOnly) {
    if (!history) {
      throw new IllegalStateException("an inference pass keeps no history to back-propagate");
    }
    int n = count * units;
    Arrays.fill(biasGradient, 0f);
    if (repeatedInput) {
      Arrays.fill(dzSum, 0, count * width, 0f);
    }
    for (int t = steps - 1; t >= 0; t--) {
      float[] gt = gates[t];
      boolean last = t == steps - 1;
      // d loss / d h: from above (this step's output) and from the next step's recurrent product.
      if (lastStepOnly) {
        if (last) {
          System.arraycopy(outputGradient, 0, dh, 0, n);
        } else {
          System.arraycopy(dhRecurrent, 0, dh, 0, n);
        }
      } else if (last) {
        System.arraycopy(outputGradient, t * n, dh, 0, n);
      } else {
        add(outputGradient, t * n, dhRecurrent, dh, n);
      }
      // d loss / d c: through h = o act(c), plus what the next step's cell passes back (f_next dc).
      for (int r = 0; r < count; r++) {
        scale(dh, r * units, gt, r * width + Lstm.OUTPUT * units, dc);
      }
      Activations.backward(activation, cell[t], cellActivation[t], dc, dc, 0, n);
      if (!last) {
        for (int i = 0; i < n; i++) {
          dc[i] += dcNext[i];
        }
      }
      for (int r = 0; r < count; r++) {
        gateGradients(gt, r * width, t == 0 ? null : cell[t - 1], cellActivation[t], r * units);
        Activations.backward(activation, z[t], gt, dzStep, dzStep, r * width, units);
      }
      System.arraycopy(dzStep, 0, dz, t * count * width, count * width);
      for (int r = 0; r < count; r++) {
        int row = r * width;
        for (int k = 0; k < width; k++) {
          biasGradient[k] += dzStep[row + k];
        }
      }
      if (repeatedInput) {
        for (int i = 0; i < count * width; i++) {
          dzSum[i] += dzStep[i];
        }
      }
      if (t > 0) {
        Blas.gemm(false, true, count, units, width, dzStep, layer.recurrentWeights, 0f,
            dhRecurrent);
      }
    }
    float[] gradientRows = repeatedInput ? dzSum : dz;
    int rows = repeatedInput ? count : steps * count;
    Blas.gemm(true, false, layer.inputs(), width, rows, input, gradientRows, 0f, weightGradient);
    Blas.gemm(true, false, units, width, steps * count, previous, dz, 0f,
        recurrentWeightGradient);
    if (inputGradient != null) {
      Blas.gemm(false, true, rows, layer.inputs(), width, gradientRows, layer.weights, 0f,
          inputGradient);
    }
  }

  /** {@code out[i] = a[from + i] + b[i]}. */
  private static void add(float[] a, int from, float[] b, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = a[from + i] + b[i];
    }
  }

  /** {@code out[at + j] = dh[at + j] * o[gate + j]}: the gradient reaching {@code act(c)}. */
  private void scale(float[] dhRow, int at, float[] g, int gate, float[] out) {
    for (int j = 0; j < units; j++) {
      out[at + j] = dhRow[at + j] * g[gate + j];
    }
  }

  /**
   * One row's gradients with respect to the four blocks' pre-activations into {@code dzStep} (the
   * block input's still with respect to its activation, which the caller then chains through), and
   * {@code f dc} into {@code dcNext} for the previous step.
   */
  private void gateGradients(float[] g, int row, float[] previousCell, float[] cellAct, int at) {
    int forget = row + Lstm.FORGET * units;
    int out = row + Lstm.OUTPUT * units;
    int in = row + Lstm.INPUT_GATE * units;
    for (int j = 0; j < units; j++) {
      float dcj = dc[at + j];
      float i = g[in + j];
      float o = g[out + j];
      dzStep[row + j] = dcj * i;
      dzStep[out + j] = dh[at + j] * cellAct[at + j] * o * (1 - o);
      dzStep[in + j] = dcj * g[row + j] * i * (1 - i);
    }
    if (previousCell == null) {
      Arrays.fill(dzStep, forget, forget + units, 0f);
    } else {
      for (int j = 0; j < units; j++) {
        float f = g[forget + j];
        dzStep[forget + j] = dc[at + j] * previousCell[at + j] * f * (1 - f);
      }
    }
    for (int j = 0; j < units; j++) {
      dcNext[at + j] = dc[at + j] * g[forget + j];
    }
  }

  float[] weightGradient() {
    return weightGradient;
  }

  float[] recurrentWeightGradient() {
    return recurrentWeightGradient;
  }

  float[] biasGradient() {
    return biasGradient;
  }

  /**
   * d loss / d input of the last {@link #backward}: time-major {@code steps * count x inputs}, or
   * {@code count x inputs} for a repeated input (summed over the steps).
   */
  float[] inputGradient() {
    if (inputGradient == null) {
      throw new IllegalStateException("this pass was built without the input gradient");
    }
    return inputGradient;
  }
}
