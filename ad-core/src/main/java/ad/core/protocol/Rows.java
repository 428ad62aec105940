package ad.core.protocol;

import ad.core.Dataset;
import ad.core.Shuffle;
import ad.core.UserException;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntPredicate;

/** Row-index helpers shared by the protocols. */
final class Rows {
  private Rows() {}

  /** The indices of {@code data}'s rows that satisfy {@code keep}, ascending. */
  static int[] where(Dataset data, IntPredicate keep) {
    int[] out = new int[data.rows()];
    int n = 0;
    for (int i = 0; i < data.rows(); i++) {
      if (keep.test(i)) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  static void requireLabels(Dataset data, String protocol) {
    if (!data.hasLabels()) {
      throw new UserException("the " + protocol + " protocol needs labels, and '" + data.name()
          + "' has none");
    }
  }

  /**
   * Splits {@code rows} into {@code [kept, held out]}, holding out {@code round(n * fraction)} of
   * them; when {@code stratified}, normal and anomalous rows are held out in that proportion each,
   * so both parts keep the contamination of {@code rows}.
   */
  static int[][] holdOut(Dataset data, int[] rows, double fraction, boolean stratified, Random random) {
    if (!stratified) {
      int[] shuffled = rows.clone();
      Shuffle.inPlace(shuffled, random);
      int held = (int) Math.round(shuffled.length * fraction);
      return new int[][] {Arrays.copyOfRange(shuffled, held, shuffled.length),
          Arrays.copyOfRange(shuffled, 0, held)};
    }
    int[] normal = Arrays.stream(rows).filter(r -> !data.isAnomaly(r)).toArray();
    int[] anomalous = Arrays.stream(rows).filter(data::isAnomaly).toArray();
    Shuffle.inPlace(normal, random);
    Shuffle.inPlace(anomalous, random);
    int heldNormal = (int) Math.round(normal.length * fraction);
    int heldAnomalous = (int) Math.round(anomalous.length * fraction);
    return new int[][] {
        concat(Arrays.copyOfRange(normal, heldNormal, normal.length),
            Arrays.copyOfRange(anomalous, heldAnomalous, anomalous.length)),
        concat(Arrays.copyOfRange(normal, 0, heldNormal), Arrays.copyOfRange(anomalous, 0, heldAnomalous))};
  }

  /**
   * The split of these row indices, each part in source order. A null {@code validation} means the
   * threshold is fitted on the training rows: the split's validation part is then the very same
   * {@link Dataset} instance as its training part, which callers may detect ({@code ==}) to score it
   * once.
   */
  static Split split(Dataset data, int[] train, int[] validation, int[] test) {
    Arrays.sort(train);
    Arrays.sort(test);
    Dataset trainPart = data.select(train);
    Dataset validationPart = trainPart;
    if (validation != null) {
      Arrays.sort(validation);
      validationPart = data.select(validation);
    }
    return new Split(trainPart, validationPart, data.select(test));
  }

  static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
