package ad.models.nn;

import ad.models.network.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One step of the conv engine's network, applied to one sample at a time. A layer holds its shapes
 * and parameters (shared by all threads, changed only between mini-batches) and no per-sample state:
 * that lives in the {@link Work} each thread makes for it.
 */
abstract class Layer {
  private final Shape in;
  private final Shape out;

  Layer(Shape in, Shape out) {
    this.in = in;
    this.out = out;
  }

  final Shape in() {
    return in;
  }

  final Shape out() {
    return out;
  }

  /** The parameter arrays, updated in place by the optimiser; empty for a layer without any. */
  List<float[]> params() {
    return List.of();
  }

  /** Whether L2 decay applies to each of {@link #params()} (weights yes, biases no). */
  List<Boolean> decays() {
    return List.of();
  }

  /** Buffers for one thread: outputs, saved values for the backward pass, gradient sums. */
  Work newWork() {
    return new Work(out, params());
  }

  /**
   * Computes {@code work.out} from {@code x}; {@code random} drives training-time noise. Only a
   * forward pass with {@code training} set may be followed by {@link #backward}.
   */
  abstract void forward(float[][] x, Work work, boolean training, SplittableRandom random);

  /**
   * Given {@code x} (the input of the last forward pass) and {@code dy} (the loss gradient at the
   * output), adds the parameter gradients to {@code work.grads} and writes the input gradient into
   * {@code dx}, unless {@code dx} is null (the first layer needs none).
   */
  abstract void backward(float[][] x, Work work, float[][] dy, float[][] dx);

  /** A layer's per-thread buffers. */
  static class Work {
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
