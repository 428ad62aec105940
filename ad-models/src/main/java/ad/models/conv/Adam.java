package ad.models.conv;

import java.util.List;

/** Adam (Kingma and Ba) with the usual constants, over a list of parameter arrays. */
final class Adam {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-7f;

  private final float learningRate;
  private final float[][] m;
  private final float[][] v;
  private int step;

  Adam(List<float[]> params, double learningRate) {
    this.learningRate = (float) learningRate;
    this.m = new float[params.size()][];
    this.v = new float[params.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = new float[params.get(i).length];
      v[i] = new float[params.get(i).length];
    }
  }

  void update(List<float[]> params, List<float[]> grads) {
    step++;
    float c1 = (float) (1 - Math.pow(BETA1, step));
    float c2 = (float) (1 - Math.pow(BETA2, step));
    float rate = learningRate * (float) Math.sqrt(c2) / c1;
    for (int p = 0; p < m.length; p++) {
      float[] w = params.get(p);
      float[] g = grads.get(p);
      float[] mp = m[p];
      float[] vp = v[p];
      for (int i = 0; i < w.length; i++) {
        mp[i] = BETA1 * mp[i] + (1 - BETA1) * g[i];
        vp[i] = BETA2 * vp[i] + (1 - BETA2) * g[i] * g[i];
        w[i] -= rate * mp[i] / ((float) Math.sqrt(vp[i]) + EPSILON);
      }
    }
  }
}
