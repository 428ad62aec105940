package ad.models.nn;

import ad.core.Seeds;
import ad.models.network.InputLayout;
import ad.models.network.TrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One Adam step of a {@link ConvAutoencoderNet} on the mean squared reconstruction error. Each of the
 * {@code threads} workers takes a fixed slice of the mini-batch and sums its gradients on its own; the
 * sums are added in slice order, so a run is reproducible for a given seed and thread count. A
 * worker's dropout masks come from a stream of the fit seed's {@code "dropout"} stream, derived from
 * the step number and its slice.
 */
final class ConvTraining implements TrainingStep {
  private final LayerStack net;
  private final InputLayout layout;
  private final int threads;
  private final LayerStack.Pass[] passes;
  /** Each worker's gradient sums, in the order of {@link LayerStack#params()}. */
  private final List<List<float[]>> grads = new ArrayList<>();
  /** Each worker's input planes and loss gradient at the output. */
  private final float[][][] inputs;
  private final float[][][] outputGradients;
  private final List<float[]> total;
  private final Adam adam;
  private final long dropoutSeed;
  private long step;

  ConvTraining(ConvAutoencoderNet network, int threads, double learningRate, double l2, long seed) {
    this.net = network.stack();
    this.layout = network.layout();
    this.threads = threads;
    this.passes = new LayerStack.Pass[threads];
    this.inputs = new float[threads][][];
    this.outputGradients = new float[threads][][];
    for (int i = 0; i < threads; i++) {
      passes[i] = net.newPass();
      grads.add(passes[i].grads());
      inputs[i] = net.in().newPlanes();
      outputGradients[i] = net.out().newPlanes();
    }
    List<float[]> params = net.params();
    List<Boolean> decays = net.decays();
    this.total = new ArrayList<>();
    List<Parameter> parameters = new ArrayList<>();
    for (int p = 0; p < params.size(); p++) {
      float[] sum = new float[params.get(p).length];
      total.add(sum);
      parameters.add(new Parameter(params.get(p), sum, decays.get(p)));
    }
    this.adam = new Adam(parameters, learningRate, l2);
    this.dropoutSeed = Seeds.derive(seed, "dropout");
  }

  @Override
  public double trainBatch(float[] rows, int count) {
    int d = layout.features();
    float scale = 2f / ((float) count * d);
    long batchStep = step++;
    List<Double> losses = Workers.run(threads, slice -> {
      LayerStack.Pass pass = passes[slice];
      pass.zeroGrads();
      SplittableRandom random = new SplittableRandom(dropoutSeed + batchStep * 1_000_003L + slice);
      float[][] x = inputs[slice];
      float[][] dOut = outputGradients[slice];
      double loss = 0;
      int to = Workers.from(slice + 1, threads, count);
      for (int i = Workers.from(slice, threads, count); i < to; i++) {
        ConvAutoencoderNet.toPlanes(layout, rows, i * d, x);
        float[][] y = pass.forward(x, true, random);
        for (int c = 0; c < y.length; c++) {
          loss += Losses.squaredErrors(y[c], x[c], y[c].length, scale, dOut[c]);
        }
        pass.backward(x, dOut);
      }
      return loss;
    });
    for (int p = 0; p < total.size(); p++) {
      float[] t = total.get(p);
      System.arraycopy(grads.get(0).get(p), 0, t, 0, t.length);
      for (int s = 1; s < threads; s++) {
        Kernels.axpy(t, 1f, grads.get(s).get(p), t.length);
      }
    }
    adam.step();
    double sum = 0;
    for (double loss : losses) {
      sum += loss;
    }
    return sum / ((double) count * d);
  }
}
