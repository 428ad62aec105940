package ad.models.dense;

import ad.core.Dataset;
import ad.core.Scores;
import java.util.Arrays;
import java.util.Comparator;

/** ROC AUC by the rank-sum (Mann-Whitney) formula, with tied scores given their mean rank. */
public final class Auc {
  private Auc() {}

  public static double of(Scores scores, Dataset labelled) {
    boolean[] anomalous = labelled.labels();
    int n = scores.size();
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(scores::get));
    double[] rank = new double[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && scores.get(order[j + 1]) == scores.get(order[i])) {
        j++;
      }
      double mean = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = mean;
      }
      i = j + 1;
    }
    double positives = 0;
    double rankSum = 0;
    for (int i = 0; i < n; i++) {
      if (anomalous[i]) {
        positives++;
        rankSum += rank[i];
      }
    }
    double negatives = n - positives;
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
  }
}
