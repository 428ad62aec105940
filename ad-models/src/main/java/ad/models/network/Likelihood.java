package ad.models.network;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The reconstruction distribution {@code p(x | z)}, per feature, given the decoder's output {@code o}
 * for that feature. Computed in double with stable formulas, a whole batch per call so that the
 * per-feature constants are computed once per batch and the transcendental functions are the fast
 * intrinsics ({@code Math.exp}, {@code Math.log}; {@code Math.log1p} is a slow native call here and
 * took most of a VAE's scoring time, JFR). The option {@code reconstruction} of the variational
 * autoencoder names it.
 */
public enum Likelihood {
  /**
   * {@code N(o, e^v)}: {@code o} is the mean, {@code v} a learned log-variance of the feature (one per
   * feature, shared by every row), clamped to [{@link #MIN_LOG_VARIANCE}, {@link #MAX_LOG_VARIANCE}]
   * so that a feature that is reconstructed exactly cannot drive its likelihood to infinity.
   */
  GAUSSIAN,
  /**
   * Bernoulli with logit {@code o}: the NLL is the binary cross-entropy
   * {@code softplus(o) - x o}, the mean {@code sigmoid(o)}. Training refuses inputs outside [0, 1];
   * at scoring, an input outside [0, 1] (a test value beyond the training range, which the min-max
   * scaler leaves unclipped on purpose) is clamped to the nearest end of the support first. Without
   * the clamp the cross-entropy falls without bound as {@code x} grows past 1 (slope {@code -o}), so
   * the most extreme rows scored as the most normal: measured ROC AUC 0.06 on the seed tutorial's
   * N(5, 1) anomalies (min-max scaled to ~1.25). With the clamp, 0.43: still poor, because the clamp
   * throws away how far out a value is. On such data use {@code gaussian} (1.00 there) or
   * {@code score: reconstruction_error}, which compares the raw value with the decoded mean (1.00).
   */
  BERNOULLI;

  public static final double MIN_LOG_VARIANCE = -9;
  public static final double MAX_LOG_VARIANCE = 9;
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The summed NLL of {@code count} rows. When {@code gradient} is not null, also writes
   * {@code scale * d nll / d o} for every cell into it and adds {@code scale * d nll / d v} of every
   * cell into {@code logVarianceGradient} (which the caller zeroes).
   */
  public double batch(float[] x, float[] out, int count, int columns, float[] logVariance, float[] gradient,
      float[] logVarianceGradient, double scale) {
    double sum = 0;
    if (this == GAUSSIAN) {
      double[] precision = new double[columns];
      double[] normaliser = new double[columns];
      prepare(logVariance, precision, normaliser);
      for (int r = 0; r < count; r++) {
        int base = r * columns;
        for (int j = 0; j < columns; j++) {
          double d = x[base + j] - out[base + j];
          double weighted = d * d * precision[j];
          sum += normaliser[j] + 0.5 * weighted;
          if (gradient != null) {
            gradient[base + j] = (float) (-scale * d * precision[j]);
            if (inRange(logVariance[j])) {
              logVarianceGradient[j] += (float) (scale * 0.5 * (1 - weighted));
            }
          }
        }
      }
      return sum;
    }
    for (int i = 0; i < count * columns; i++) {
      double o = out[i];
      double xi = support(x[i]);
      double e = Math.exp(-Math.abs(o));
      // softplus(o) = max(o, 0) + log(1 + e^-|o|); log rather than log1p: for e < 1e-16 the term is
      // below double resolution of the rest anyway.
      sum += Math.max(o, 0) - xi * o + Math.log(1 + e);
      if (gradient != null) {
        double sigmoid = o >= 0 ? 1 / (1 + e) : e / (1 + e);
        gradient[i] = (float) (scale * (sigmoid - xi));
      }
    }
    return sum;
  }

  /** The NLL of each row, into {@code rowNll[r]}. */
  public void rows(float[] x, float[] out, int count, int columns, float[] logVariance, double[] rowNll) {
    double[] precision = new double[columns];
    double[] normaliser = new double[columns];
    if (this == GAUSSIAN) {
      prepare(logVariance, precision, normaliser);
    }
    for (int r = 0; r < count; r++) {
      int base = r * columns;
      double sum = 0;
      for (int j = 0; j < columns; j++) {
        sum += cell(x[base + j], out[base + j], precision[j], normaliser[j]);
      }
      rowNll[r] = sum;
    }
  }

  /**
   * The negative ELBO of each row with one latent draw, into {@code rowLoss[r]}: the NLL of
   * {@code x} under the decoder's output {@code out} for that draw plus {@code beta} times the KL
   * term of the encoder's output {@code h} ({@code [mu, v]} rows, {@code 2 * latent} wide).
   */
  public void negativeElbo(float[] x, float[] out, float[] h, int count, int columns, int latent,
      float[] logVariance, double beta, double[] rowLoss) {
    rows(x, out, count, columns, logVariance, rowLoss);
    for (int r = 0; r < count; r++) {
      rowLoss[r] += beta * Reparameterisation.kl(h, r, latent);
    }
  }

  /** The NLL of each cell, into {@code cells} from index {@code offset}. */
  public void cells(float[] x, float[] out, int count, int columns, float[] logVariance, float[] cells,
      int offset) {
    double[] precision = new double[columns];
    double[] normaliser = new double[columns];
    if (this == GAUSSIAN) {
      prepare(logVariance, precision, normaliser);
    }
    for (int i = 0; i < count * columns; i++) {
      int j = i % columns;
      cells[offset + i] = (float) cell(x[i], out[i], precision[j], normaliser[j]);
    }
  }

  /** The distribution's mean: {@code o}, or {@code sigmoid(o)}. */
  public double mean(double o) {
    if (this == GAUSSIAN) {
      return o;
    }
    double e = Math.exp(-Math.abs(o));
    return o >= 0 ? 1 / (1 + e) : e / (1 + e);
  }

  private double cell(double x, double o, double precision, double normaliser) {
    if (this == GAUSSIAN) {
      double d = x - o;
      return normaliser + 0.5 * d * d * precision;
    }
    return Math.max(o, 0) - support(x) * o + Math.log(1 + Math.exp(-Math.abs(o)));
  }

  /** {@code 1 / variance} and {@code log(2 pi variance) / 2} of each feature. */
  private static void prepare(float[] logVariance, double[] precision, double[] normaliser) {
    for (int j = 0; j < precision.length; j++) {
      double v = clampLogVariance(logVariance[j]);
      precision[j] = Math.exp(-v);
      normaliser[j] = 0.5 * (LOG_2PI + v);
    }
  }

  /** {@code x} clamped to the Bernoulli's support [0, 1]. */
  private static double support(double x) {
    return Math.max(0, Math.min(1, x));
  }

  private static boolean inRange(double v) {
    return v >= MIN_LOG_VARIANCE && v <= MAX_LOG_VARIANCE;
  }

  public static double clampLogVariance(double v) {
    return Math.max(MIN_LOG_VARIANCE, Math.min(MAX_LOG_VARIANCE, v));
  }
}
