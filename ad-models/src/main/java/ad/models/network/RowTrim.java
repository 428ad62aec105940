package ad.models.network;

import java.util.Arrays;

/**
 * Trimmed-loss training: in every mini-batch, the fraction {@code fraction} of rows with the highest
 * loss gets no gradient, and the batch loss is the mean over the rows that are kept. Training data
 * that holds anomalies (the unsupervised protocol) then pulls the network less towards them, so they
 * keep high reconstruction errors.
 *
 * <p>What it follows: the trimmed loss, "choosing the samples with the lowest loss makes SGD robust"
 * (Shah, Wu and Sanghavi 2020, AISTATS), which drops the highest-loss samples of each mini-batch;
 * the same "small-loss" selection as in robust training against noisy labels; and, for autoencoders,
 * the aim of robust deep autoencoders (Zhou and Paffenroth 2017, KDD), which split the training rows
 * into a part the network learns and a sparse part it may leave unexplained. Trimming makes that
 * split per batch by the loss itself, without another optimisation problem.
 *
 * <p>Every engine trims with this one rule ({@link #select}): the engines that hold a whole batch's
 * forward pass (the native dense autoencoders) zero the dropped rows' output gradients and scale the
 * rest by the kept count; the others measure each row's loss with a forward pass first and train on
 * the kept rows only ({@link #compact}), which is the same objective.
 *
 * @param fraction the share of each batch's rows that is dropped, in [0, 1); 0 trims nothing
 */
public record RowTrim(double fraction) {
  /** No trimming: every row of every batch trains. */
  public static final RowTrim NONE = new RowTrim(0);

  public RowTrim {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("trim fraction must be in [0, 1), got " + fraction);
    }
  }

  /** True when some rows may be dropped. */
  public boolean active() {
    return fraction > 0;
  }

  /**
   * The rows of a batch of {@code count} that are kept: {@code count} minus {@code fraction * count}
   * rounded to the nearest integer, and always at least one.
   */
  public int kept(int count) {
    int dropped = (int) Math.round(fraction * count);
    return Math.max(1, count - dropped);
  }

  /**
   * Marks in {@code keep[0 .. count)} the {@link #kept} rows with the lowest {@code losses}; among
   * equal losses, the rows that come first. A NaN loss counts as the highest (so a row whose loss
   * broke is dropped first). Returns how many rows are kept.
   */
  public int select(double[] losses, int count, boolean[] keep) {
    int kept = kept(count);
    if (kept == count) {
      Arrays.fill(keep, 0, count, true);
      return count;
    }
    double[] sorted = Arrays.copyOf(losses, count);
    Arrays.sort(sorted);
    double cut = sorted[kept - 1];
    int below = 0;
    for (int r = 0; r < count; r++) {
      if (Double.compare(losses[r], cut) < 0) {
        below++;
      }
    }
    int tiesKept = kept - below;
    for (int r = 0; r < count; r++) {
      int order = Double.compare(losses[r], cut);
      keep[r] = order < 0 || order == 0 && tiesKept-- > 0;
    }
    return kept;
  }

  /**
   * The mean of the {@link #kept} lowest of {@code losses}: the loss a trimmed training step takes,
   * over a whole set of rows. The training loop measures validation rows (and the untrained
   * network's reference loss) by it, so that early stopping and the divergence check watch the
   * objective that is trained: with {@code trim: 0.2}, a validation set that holds anomalies far out
   * (a robustly scaled column thousands of IQRs away) does not decide alone when the network is
   * best, nor make a Gaussian VAE whose variance has narrowed look diverged. Without trimming, the
   * plain mean, summed in row order.
   */
  public double mean(double[] losses) {
    int kept = kept(losses.length);
    double[] summed = losses;
    if (kept < losses.length) {
      summed = losses.clone();
      Arrays.sort(summed);
    }
    double sum = 0;
    for (int r = 0; r < kept; r++) {
      sum += summed[r];
    }
    return sum / kept;
  }

  /**
   * Copies the kept rows of {@code rows} ({@code width} values each, {@code count} rows) to the front
   * of {@code out}, in their order; returns how many there are.
   */
  public static int compact(float[] rows, int width, boolean[] keep, int count, float[] out) {
    int kept = 0;
    for (int r = 0; r < count; r++) {
      if (keep[r]) {
        System.arraycopy(rows, r * width, out, kept * width, width);
        kept++;
      }
    }
    return kept;
  }
}
