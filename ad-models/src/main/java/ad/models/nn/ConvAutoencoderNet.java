package ad.models.nn;

import ad.models.network.AutoencoderNetwork;
import ad.models.network.ConvArchitecture;
import ad.models.network.InputLayout;
import ad.models.network.ParameterArray;
import ad.models.network.Reconstructor;
import ad.models.network.RowTrim;
import ad.models.network.TrimmedStep;
import ad.models.network.TrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A convolutional autoencoder on the native engine: one sample at a time goes through the whole
 * {@link LayerStack}, as channel planes (see the package notes for why).
 *
 * <p>Parameters are saved as {@code parameters/<i>}: every layer's weight rows, then its biases, in
 * network order.
 */
final class ConvAutoencoderNet implements AutoencoderNetwork {
  private final ConvArchitecture architecture;
  private final LayerStack stack;

  ConvAutoencoderNet(ConvArchitecture architecture, long initSeed) {
    this.architecture = architecture;
    this.stack = LayerStack.build(architecture.layers(), new SplittableRandom(initSeed));
  }

  LayerStack stack() {
    return stack;
  }

  InputLayout layout() {
    return architecture.input();
  }

  @Override
  public int columns() {
    return architecture.input().features();
  }

  @Override
  public int scoringThreads() {
    return architecture.threads();
  }

  @Override
  public TrainingStep trainer(double learningRate, double l2, int batchRows, RowTrim trim,
      long seed) {
    return TrimmedStep.of(trim, this::reconstructor, columns(), batchRows,
        new ConvTraining(this, architecture.threads(), learningRate, l2, seed));
  }

  @Override
  public Reconstructor reconstructor() {
    LayerStack.Pass pass = stack.newPass();
    InputLayout layout = architecture.input();
    float[][] x = stack.in().newPlanes();
    float[] out = new float[Reconstructor.BATCH_ROWS * layout.features()];
    SplittableRandom unused = new SplittableRandom(0);
    int d = layout.features();
    return (rows, count) -> {
      for (int r = 0; r < count; r++) {
        toPlanes(layout, rows, r * d, x);
        fromPlanes(layout, pass.forward(x, false, unused), out, r * d);
      }
      return out;
    };
  }

  @Override
  public List<ParameterArray> parameters() {
    List<float[]> params = stack.params();
    List<ParameterArray> arrays = new ArrayList<>(params.size());
    for (int i = 0; i < params.size(); i++) {
      arrays.add(new ParameterArray("parameters/" + i, params.get(i).clone()));
    }
    return arrays;
  }

  @Override
  public void setParameters(List<ParameterArray> arrays) {
    List<float[]> params = stack.params();
    if (arrays.size() != params.size()) {
      throw new IllegalArgumentException(arrays.size() + " arrays for " + params.size());
    }
    for (int i = 0; i < params.size(); i++) {
      Mlp.copy(arrays.get(i), "parameters/" + i, params.get(i));
    }
  }

  /** The row at {@code offset} of {@code rows} (channels last) as channel planes. */
  static void toPlanes(InputLayout layout, float[] rows, int offset, float[][] planes) {
    int pixels = layout.height() * layout.width();
    int channels = layout.channels();
    for (int p = 0, i = offset; p < pixels; p++) {
      for (int c = 0; c < channels; c++, i++) {
        planes[c][p] = rows[i];
      }
    }
  }

  /** Channel planes back in the row's order (channels last), into {@code out} at {@code offset}. */
  static void fromPlanes(InputLayout layout, float[][] planes, float[] out, int offset) {
    int pixels = layout.height() * layout.width();
    int channels = layout.channels();
    for (int p = 0, i = offset; p < pixels; p++) {
      for (int c = 0; c < channels; c++, i++) {
        out[i] = planes[c][p];
      }
    }
  }
}
