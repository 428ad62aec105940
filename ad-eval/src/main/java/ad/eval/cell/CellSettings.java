package ad.eval.cell;

import ad.core.series.Aggregation;
import ad.eval.chart.ChartFiles;
import java.io.Serializable;
import java.util.List;

/**
 * How a cell is evaluated and what it writes besides its result.
 *
 * @param metrics the spec's extra measures, by name
 * @param pointScores how window scores of a series combine into point scores
 * @param perFileModels for series: a scaler, model and thresholds per file
 * @param charts draw the cell's charts (score histograms, ROC)
 * @param chartFormat PNG only, or SVG files beside them
 * @param saveModels build each fitted pipeline, for {@code models/}
 * @param savePointScores keep a series cell's evaluated point scores, for {@code points/}
 * @param samples keep the most anomalous images or the first test series in the result, for the
 *     report (the first seed of a run with charts)
 */
public record CellSettings(List<String> metrics, Aggregation pointScores, boolean perFileModels, boolean charts,
    ChartFiles.Format chartFormat, boolean saveModels, boolean savePointScores, boolean samples)
    implements Serializable {

  public CellSettings {
    metrics = List.copyOf(metrics);
  }
}
