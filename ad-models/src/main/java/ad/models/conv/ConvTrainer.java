package ad.models.conv;

import ad.core.Dataset;
import ad.core.Seeds;
import ad.core.Shuffle;
import ad.core.TrainingHistory;
import ad.models.train.Holdout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Mini-batch training with Adam on the mean squared reconstruction error. Each worker takes a fixed
 * slice of every mini-batch and sums its gradients on its own; the sums are added in slice order, so
 * a run is reproducible for a given seed and thread count.
 *
 * <p>History: an epoch's train loss is the mean MSE of its mini-batches as measured during the
 * updates (with dropout, and without the L2 term); its validation loss is the MSE of the held-out
 * rows at the end of the epoch. With validation the weights of the best epoch are kept.
 */
final class ConvTrainer {
  private ConvTrainer() {}

  record Result(Network network, TrainingHistory history) {}

  static Result train(InputLayout layout, Holdout data, ConvAutoencoderOptions o, long seed,
      Workers workers) {
    Network net = Architecture.build(layout, o, Seeds.derive(seed, "init"));
    List<float[]> params = net.params();
    List<Boolean> decays = net.decays();
    Adam adam = new Adam(params, o.learningRate());
    Network.Pass[] passes = new Network.Pass[workers.count()];
    for (int i = 0; i < passes.length; i++) {
      passes[i] = net.newPass();
    }
    List<List<float[]>> passGrads = Arrays.stream(passes).map(Network.Pass::grads).toList();
    Dataset train = data.train();
    int rows = train.rows();
    int d = layout.features();
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    Random shuffle = new Random(Seeds.derive(seed, "shuffle"));
    long dropoutSeed = Seeds.derive(seed, "dropout");
    List<float[]> total = new ArrayList<>();
    params.forEach(p -> total.add(new float[p.length]));

    List<Double> trainLoss = new ArrayList<>();
    List<Double> validationLoss = new ArrayList<>();
    List<float[]> best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    boolean stoppedEarly = false;
    long step = 0;
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      if (o.shuffle()) {
        Shuffle.inPlace(order, shuffle);
      }
      double epochLoss = 0;
      for (int b0 = 0; b0 < rows; b0 += o.batchSize(), step++) {
        int b1 = Math.min(rows, b0 + o.batchSize());
        int batch = b1 - b0;
        float scale = 2f / ((float) batch * d);
        long batchStep = step;
        int start = b0;
        List<Double> losses = workers.run(slice -> {
          Network.Pass pass = passes[slice];
          pass.zeroGrads();
          SplittableRandom random = new SplittableRandom(dropoutSeed + batchStep * 1_000_003L + slice);
          float[] row = new float[d];
          float[][] x = net.in().newPlanes();
          float[][] dOut = net.out().newPlanes();
          double loss = 0;
          int to = start + Workers.from(slice + 1, workers.count(), batch);
          for (int i = start + Workers.from(slice, workers.count(), batch); i < to; i++) {
            layout.toPlanes(train, order[i], row, x);
            float[][] y = pass.forward(x, true, random);
            for (int c = 0; c < y.length; c++) {
              float[] yc = y[c];
              float[] xc = x[c];
              float[] g = dOut[c];
              for (int p = 0; p < yc.length; p++) {
                float diff = yc[p] - xc[p];
                loss += diff * diff;
                g[p] = scale * diff;
              }
            }
            pass.backward(x, dOut);
          }
          return loss;
        });
        for (int p = 0; p < total.size(); p++) {
          float[] t = total.get(p);
          System.arraycopy(passGrads.get(0).get(p), 0, t, 0, t.length);
          for (int s = 1; s < passes.length; s++) {
            Kernels.axpy(t, 1f, passGrads.get(s).get(p), t.length);
          }
          if (o.l2() > 0 && decays.get(p)) {
            Kernels.axpy(t, o.l2().floatValue(), params.get(p), t.length);
          }
        }
        adam.update(params, total);
        epochLoss += losses.stream().mapToDouble(Double::doubleValue).sum();
      }
      trainLoss.add(epochLoss / ((double) rows * d));
      if (data.validation() == null) {
        bestEpoch = epoch;
        continue;
      }
      double v = Reconstruction.meanError(net, layout, data.validation(), workers);
      validationLoss.add(v);
      if (v < bestLoss) {
        bestLoss = v;
        bestEpoch = epoch;
        best = copy(params);
      } else if (o.patience() > 0 && epoch - bestEpoch >= o.patience()) {
        stoppedEarly = true;
        break;
      }
    }
    if (best != null) {
      for (int p = 0; p < params.size(); p++) {
        System.arraycopy(best.get(p), 0, params.get(p), 0, best.get(p).length);
      }
    }
    return new Result(net, new TrainingHistory(trainLoss, validationLoss, bestEpoch, stoppedEarly));
  }

  private static List<float[]> copy(List<float[]> arrays) {
    List<float[]> c = new ArrayList<>();
    arrays.forEach(a -> c.add(a.clone()));
    return c;
  }
}
