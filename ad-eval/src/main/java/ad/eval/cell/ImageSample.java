package ad.eval.cell;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.eval.chart.ImageGridChart;
import java.util.ArrayList;
import java.util.List;

/**
 * The most anomalous test images of a cell beside the model's reconstructions, kept in the stored cell
 * so the report's image grid is drawn after a resumed run too. Only {@link #IMAGES} images, so cell
 * files stay small. Pixels are in the scaled space the model saw.
 *
 * @param shape {@code [height, width, channels]}
 * @param rows each image's test row, most anomalous first
 */
public record ImageSample(int[] shape, int[] rows, double[] scores, boolean[] labels, List<float[]> originals,
    List<float[]> reconstructions) implements java.io.Serializable {
  public static final int IMAGES = 8;

  /**
   * The sample of a cell, or null when its rows are not images ({@code [h, w, c]}, c 1 or 3) or its
   * model does not reconstruct.
   */
  static ImageSample of(DetectorModel model, Dataset test, double[] scores) {
    int[] shape = test.sampleShape();
    if (model == null || shape.length != 3 || (shape[2] != 1 && shape[2] != 3) || test.rows() == 0) {
      return null;
    }
    int[] rows = ImageGridChart.mostAnomalous(scores, IMAGES);
    Dataset picked = test.select(rows);
    Dataset rebuilt = model.reconstruct(picked).orElse(null);
    if (rebuilt == null) {
      return null;
    }
    List<float[]> originals = new ArrayList<>();
    List<float[]> reconstructions = new ArrayList<>();
    double[] picks = new double[rows.length];
    boolean[] labels = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      float[] a = new float[test.columns()];
      float[] b = new float[test.columns()];
      picked.copyRow(i, a, 0);
      rebuilt.copyRow(i, b, 0);
      originals.add(a);
      reconstructions.add(b);
      picks[i] = scores[rows[i]];
      labels[i] = test.hasLabels() && test.isAnomaly(rows[i]);
    }
    return new ImageSample(shape.clone(), rows, picks, labels, originals, reconstructions);
  }

  /** The grid: one row per image, labelled with its test row, score and label. */
  public ImageGridChart chart(String title) {
    List<ImageGridChart.ImageRow> out = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      out.add(new ImageGridChart.ImageRow(String.format(java.util.Locale.ROOT, "#%d  score %.4g  %s", rows[i],
          scores[i], labels[i] ? "anomalous" : "normal"), originals.get(i), reconstructions.get(i)));
    }
    return new ImageGridChart(title, shape[1], shape[0], shape[2], out);
  }
}
