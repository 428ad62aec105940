package ad.models.nn;

import java.util.List;

/**
 * The one optimiser: Adam as Kingma and Ba (2015) give it in their Algorithm 1, with bias correction,
 * betas 0.9 and 0.999 and epsilon 1e-8 added to the bias-corrected root of the second moment
 * ({@code w -= lr / (1 - b1^t) * m / (sqrt(v / (1 - b2^t)) + eps)}, the form and constants PyTorch
 * uses), and coupled L2 weight decay as DL4J's {@code l2}: {@code l2 * w} is added to the gradient of
 * every parameter that {@link Parameter#decays()} (the weights), the gradient of the penalty
 * {@code l2 / 2 * sum(w^2)}.
 *
 * <p>Why this form and epsilon, when the conv engine used Keras's (epsilon 1e-7 added to the raw
 * {@code sqrt(v)}, with the correction folded into the step size): it is the paper's, and PyTorch's,
 * the reference the benchmarks compare with; the dense engine had it, so the dense families train
 * exactly as before. The two differ only where {@code sqrt(v)} is of the order of epsilon, i.e. for
 * parameters whose gradients are tiny.
 */
final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final List<Parameter> parameters;
  private final float[][] m;
  private final float[][] v;
  private final double learningRate;
  private final float l2;
  private int step;

  Adam(List<Parameter> parameters, double learningRate, double l2) {
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
  void step() {
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
}
