package ad.eval.cell;

import ad.core.TrainingHistory;
import ad.eval.metrics.PrCurve;
import ad.eval.metrics.RocCurve;
import java.util.List;

/**
 * What the report draws of a cell, kept in its stored file so that overlays over all detectors of a
 * dataset can be drawn after a resumed run too: the ROC and PR curves (thinned to at most
 * {@link #MAX_POINTS} points, which no chart can tell apart), the loss per epoch, and for the first
 * seed the most anomalous images ({@code images}) or the first test series ({@code series}), null
 * when there are none (and in cells stored before they were kept).
 */
public record CellCurves(double[] rocFpr, double[] rocTpr, double[] prRecall, double[] prPrecision,
    double anomalyRate, List<Double> trainLoss, List<Double> validationLoss, int bestEpoch,
    ImageSample images, SeriesSample series) implements java.io.Serializable {
  public static final int MAX_POINTS = 1500;

  public CellCurves {
    trainLoss = List.copyOf(trainLoss);
    validationLoss = List.copyOf(validationLoss);
  }

  public static final CellCurves NONE = new CellCurves(new double[0], new double[0], new double[0], new double[0],
      Double.NaN, List.of(), List.of(), -1, null, null);

  public static CellCurves of(boolean[] labels, double[] scores, boolean bothClasses, TrainingHistory history) {
    double[] fpr = new double[0];
    double[] tpr = new double[0];
    double[] recall = new double[0];
    double[] precision = new double[0];
    if (bothClasses) {
      RocCurve roc = RocCurve.of(labels, scores);
      int[] keep = thin(roc.fpr().length);
      fpr = pick(roc.fpr(), keep);
      tpr = pick(roc.tpr(), keep);
      PrCurve pr = PrCurve.of(labels, scores);
      keep = thin(pr.recall().length);
      recall = pick(pr.recall(), keep);
      precision = pick(pr.precision(), keep);
    }
    int anomalies = 0;
    for (boolean b : labels) {
      anomalies += b ? 1 : 0;
    }
    return new CellCurves(fpr, tpr, recall, precision, labels.length == 0 ? Double.NaN
        : (double) anomalies / labels.length,
        history == null ? List.of() : history.trainLoss(), history == null ? List.of() : history.validationLoss(),
        history == null ? -1 : history.bestEpoch(), null, null);
  }

  /** These curves with the image and series samples of the cell (either may be null). */
  public CellCurves withSamples(ImageSample newImages, SeriesSample newSeries) {
    return new CellCurves(rocFpr, rocTpr, prRecall, prPrecision, anomalyRate, trainLoss, validationLoss,
        bestEpoch, newImages, newSeries);
  }

  public boolean hasRoc() {
    return rocFpr.length > 0;
  }

  public boolean hasLoss() {
    return !trainLoss.isEmpty();
  }

  /** Evenly spaced indices that always keep the first and last point. */
  private static int[] thin(int n) {
    int m = Math.min(n, MAX_POINTS);
    int[] keep = new int[m];
    for (int i = 0; i < m; i++) {
      keep[i] = m == 1 ? 0 : (int) Math.round((double) i * (n - 1) / (m - 1));
    }
    return keep;
  }

  private static double[] pick(double[] values, int[] keep) {
    double[] out = new double[keep.length];
    for (int i = 0; i < keep.length; i++) {
      out[i] = values[keep[i]];
    }
    return out;
  }
}
