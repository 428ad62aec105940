package ad.models.nn;

import ad.models.network.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A layer with weight rows and a bias (convolution, transposed convolution, fully connected): its
 * parameters are the rows, then the bias; L2 decay applies to the rows only.
 */
abstract class WeightedLayer extends Layer {
  /** The weights, one row per output channel or input value, as the layer lays them out. */
  final float[][] w;
  final float[] bias;

  WeightedLayer(Shape in, Shape out, float[][] w, float[] bias) {
    super(in, out);
    this.w = w;
    this.bias = bias;
  }

  /** Glorot/Xavier uniform, row by row: Keras's default for convolutions and dense layers. */
  static float[][] glorot(int rows, int columns, int fanIn, int fanOut, SplittableRandom random) {
    float[][] w = new float[rows][columns];
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    for (float[] row : w) {
      for (int k = 0; k < row.length; k++) {
        row[k] = (float) ((random.nextDouble() * 2 - 1) * limit);
      }
    }
    return w;
  }

  @Override
  final List<float[]> params() {
    List<float[]> p = new ArrayList<>(List.of(w));
    p.add(bias);
    return p;
  }

  @Override
  final List<Boolean> decays() {
    List<Boolean> d = new ArrayList<>(Collections.nCopies(w.length, true));
    d.add(false);
    return d;
  }
}
