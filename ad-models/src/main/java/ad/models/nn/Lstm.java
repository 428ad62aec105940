package ad.models.nn;

import ad.models.network.Activation;
import ad.models.network.ParameterArray;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The parameters of one LSTM layer without peepholes (Hochreiter and Schmidhuber 1997, with the
 * forget gate of Gers et al. 2000; the "no peephole" variant of Greff et al. 2015), laid out as
 * DeepLearning4J's {@code LSTM} layer lays them out, so that the two engines compute the same
 * function from the same arrays:
 * <ul>
 *   <li>{@code weights}: {@code inputs x 4 units}, row-major; {@code recurrentWeights}:
 *       {@code units x 4 units}; {@code biases}: {@code 4 units}. A step's pre-activations are
 *       {@code z = x W + h_prev R + b}, one row of {@code 4 units} per sample;
 *   <li>the four column blocks of {@code z}, in this order: the block input {@code g = act(z_g)},
 *       the forget gate {@code f = sigmoid(z_f)}, the output gate {@code o = sigmoid(z_o)}, the
 *       input gate {@code i = sigmoid(z_i)};
 *   <li>{@code c = f c_prev + i g}, {@code h = o act(c)}, with {@code act} the layer's activation
 *       (tanh in the original LSTM) both on the block input and on the cell;
 *   <li>initial weights Glorot-uniform with DL4J's fans for an LSTM (fan-in {@code units}, fan-out
 *       {@code inputs + units}: {@code U(-a, a)}, {@code a = sqrt(6 / (inputs + 2 units))}), input
 *       and recurrent alike; biases 0 but the forget gate's, 1 (Gers et al.; DL4J's and Keras's
 *       default), so that a new cell keeps its state.
 * </ul>
 *
 * <p>Mutable: an optimiser updates the arrays in place; passes ({@link LstmPass}) only read them.
 */
final class Lstm {
  /** The blocks of a step's pre-activations, in their order. */
  static final int BLOCK_INPUT = 0;
  static final int FORGET = 1;
  static final int OUTPUT = 2;
  static final int INPUT_GATE = 3;
  static final int GATES = 4;
  /** The forget gate's initial bias. */
  static final float FORGET_BIAS = 1f;

  private final int inputs;
  private final int units;
  private final Activation activation;
  final float[] weights;
  final float[] recurrentWeights;
  final float[] biases;

  /** A layer with Glorot-uniform weights from {@code random}, in this order: input, recurrent. */
  Lstm(int inputs, int units, Activation activation, SplittableRandom random) {
    this.inputs = inputs;
    this.units = units;
    this.activation = activation;
    this.weights = new float[inputs * GATES * units];
    this.recurrentWeights = new float[units * GATES * units];
    this.biases = new float[GATES * units];
    glorotUniform(weights, units, inputs + units, random);
    glorotUniform(recurrentWeights, units, inputs + units, random);
    java.util.Arrays.fill(biases, FORGET * units, (FORGET + 1) * units, FORGET_BIAS);
  }

  /** Fills {@code values} from {@code U(-a, a)}, {@code a = sqrt(6 / (fanIn + fanOut))}. */
  static void glorotUniform(float[] values, int fanIn, int fanOut, SplittableRandom random) {
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * limit);
    }
  }

  int inputs() {
    return inputs;
  }

  int units() {
    return units;
  }

  Activation activation() {
    return activation;
  }

  /**
   * Copies of the arrays under the keys a model file keeps them: {@code <prefix>weights},
   * {@code <prefix>recurrent_weights}, {@code <prefix>biases}.
   */
  List<ParameterArray> parameterArrays(String prefix) {
    return List.of(new ParameterArray(prefix + "weights", weights.clone()),
        new ParameterArray(prefix + "recurrent_weights", recurrentWeights.clone()),
        new ParameterArray(prefix + "biases", biases.clone()));
  }

  /**
   * Sets the arrays from {@code arrays}, starting at {@code from}, laid out as
   * {@link #parameterArrays} gives them; returns the index after the last one used.
   */
  int setParameterArrays(List<ParameterArray> arrays, int from, String prefix) {
    Mlp.copy(arrays.get(from), prefix + "weights", weights);
    Mlp.copy(arrays.get(from + 1), prefix + "recurrent_weights", recurrentWeights);
    Mlp.copy(arrays.get(from + 2), prefix + "biases", biases);
    return from + 3;
  }

  /** Pairs each array with its gradient in {@code pass}, for an optimiser (L2 on the weights). */
  List<Parameter> parameters(LstmPass pass) {
    if (pass.layer() != this) {
      throw new IllegalArgumentException("the pass runs another layer");
    }
    return List.of(new Parameter(weights, pass.weightGradient(), true),
        new Parameter(recurrentWeights, pass.recurrentWeightGradient(), true),
        new Parameter(biases, pass.biasGradient(), false));
  }
}
