package ad.models.engine;

import java.util.List;

/**
 * Adam (Kingma and Ba 2015) with bias correction, betas 0.9 and 0.999, epsilon 1e-8, and coupled L2
 * weight decay as DL4J's {@code l2}: {@code l2 * w} is added to the gradient of every parameter that
 * {@link Parameter#decays()} (the weights), which is the gradient of the penalty
 * {@code l2 / 2 * sum(w^2)}.
 *
 * <p>The update of one value is {@code w -= lr / (1 - b1^t) * m / (sqrt(v / (1 - b2^t)) + eps)}, the
 * form PyTorch uses.
 */
public final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final List<Parameter> parameters;
  private final float[][] m;
  private final float[][] v;
  private final double learningRate;
  private final float l2;
  private int step;

  public Adam(List<Parameter> parameters, double learningRate, double l2) {
    this.parameters = List.copyOf(parameters);
    this.learningRate = learningRate;
    this.l2 = (float) l2;
    m = new float[this.parameters.size()][];
    v = new float[this.parameters.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = new float[this.parameters.get(i).value().length];
      v[i] = new float[m[i].length];
    }
  }

  /** One update from the gradients currently in the parameters' gradient arrays. */
  public void step() {
    step++;
    float b1 = (float) BETA1;
    float b2 = (float) BETA2;
    float stepSize = (float) (learningRate / (1 - Math.pow(BETA1, step)));
    float vScale = (float) (1 / Math.sqrt(1 - Math.pow(BETA2, step)));
    float eps = (float) EPSILON;
    for (int p = 0; p < m.length; p++) {
      Parameter parameter = parameters.get(p);
      float[] w = parameter.value();
      float[] g = parameter.gradient();
      float[] mp = m[p];
      float[] vp = v[p];
      float decay = parameter.decays() ? l2 : 0f;
      for (int i = 0; i < w.length; i++) {
        float gi = g[i] + decay * w[i];
        mp[i] = b1 * mp[i] + (1 - b1) * gi;
        vp[i] = b2 * vp[i] + (1 - b2) * gi * gi;
        w[i] -= stepSize * mp[i] / ((float) Math.sqrt(vp[i]) * vScale + eps);
      }
    }
  }

  /** The L2 penalty {@code l2 / 2 * sum(w^2)} over the decaying parameters, for reporting. */
  public double penalty() {
    if (l2 == 0) {
      return 0;
    }
    double sum = 0;
    for (Parameter parameter : parameters) {
      if (parameter.decays()) {
        for (float w : parameter.value()) {
          sum += (double) w * w;
        }
      }
    }
    return l2 / 2.0 * sum;
  }
}
