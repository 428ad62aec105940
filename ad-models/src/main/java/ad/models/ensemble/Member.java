package ad.models.ensemble;

import ad.core.Dataset;
import ad.core.DetectorModel;
import java.util.ArrayList;
import java.util.List;

/**
 * One fitted member of an ensemble: its model, the features it sees and the centre and spread of its
 * scores on its own training rows.
 *
 * @param model the member's own model, fitted on its rows and features
 * @param features the indices of the input's features the member sees, ascending; null: all of them
 * @param centre subtracted from the member's scores
 * @param spread what the centred scores are divided by; positive
 */
record Member(DetectorModel model, int[] features, double centre, double spread) {

  /** {@code data} as this member sees it: its features only. */
  Dataset view(Dataset data) {
    return features == null ? data : project(data, features);
  }

  /** {@code score} standardised. */
  double standardise(double score) {
    return (score - centre) / spread;
  }

  /** The columns {@code features} of {@code data}, with their names; labels and row ids kept. */
  static Dataset project(Dataset data, int[] features) {
    int rows = data.rows();
    int columns = data.columns();
    int k = features.length;
    float[] row = new float[columns];
    float[] values = new float[Math.multiplyExact(rows, k)];
    for (int r = 0; r < rows; r++) {
      data.copyRow(r, row, 0);
      int to = r * k;
      for (int j = 0; j < k; j++) {
        values[to + j] = row[features[j]];
      }
    }
    List<String> names = new ArrayList<>(k);
    for (int f : features) {
      names.add(data.featureNames().get(f));
    }
    return data.withFeatures(k, values, names);
  }
}
