package ad.models.nn;

import ad.models.network.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One step of the network, applied to one sample at a time. A layer holds its parameters (shared by
 * all threads, changed only between mini-batches) and no per-sample state: that lives in the
 * {@link Work} each thread makes for it.
 */
interface Layer {

  Shape in();

  Shape out();

  /** The parameter arrays, updated in place by the optimiser; empty for a layer without any. */
  default List<float[]> params() {
    return List.of();
  }

  /** Whether L2 decay applies to each of {@link #params()} (weights yes, biases no). */
  default List<Boolean> decays() {
    return List.of();
  }

  /** The parameters of a layer with weight rows and a bias: the rows, then the bias. */
  static List<float[]> weightsThenBias(float[][] w, float[] bias) {
    List<float[]> p = new ArrayList<>(List.of(w));
    p.add(bias);
    return p;
  }

  /** {@link #decays()} for {@link #weightsThenBias}: every weight row decays, the bias does not. */
  static List<Boolean> weightRowsDecay(int rows) {
    List<Boolean> d = new ArrayList<>(Collections.nCopies(rows, true));
    d.add(false);
    return d;
  }

  /** Buffers for one thread: outputs, saved values for the backward pass, gradient sums. */
  Work newWork();

  /**
   * Computes {@code work.out} from {@code x}; {@code random} drives training-time noise. Only a
   * forward pass with {@code training} set may be followed by {@link #backward}.
   */
  void forward(float[][] x, Work work, boolean training, SplittableRandom random);

  /**
   * Given {@code x} (the input of the last forward pass) and {@code dy} (the loss gradient at the
   * output), adds the parameter gradients to {@code work.grads} and writes the input gradient into
   * {@code dx}, unless {@code dx} is null (the first layer needs none).
   */
  void backward(float[][] x, Work work, float[][] dy, float[][] dx);

  /** A layer's per-thread buffers. */
  class Work {
    final float[][] out;
    /** Gradient sums, one array per entry of {@link Layer#params()}. */
    final float[][] grads;

    Work(Shape out, List<float[]> params) {
      this.out = out.newPlanes();
      this.grads = new float[params.size()][];
      for (int i = 0; i < grads.length; i++) {
        grads[i] = new float[params.get(i).length];
      }
    }
  }
}
