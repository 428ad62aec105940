package ad.eval.cell;

import ad.core.series.PointSeries;
import java.util.List;

/**
 * What a cell made besides its result, for the run to write: its charts, its fitted pipelines
 * ({@code save_models}) and a series cell's evaluated point scores ({@code save_point_scores}).
 *
 * @param fileLabel the cell's file-name-safe label ({@link CellSpec#fileLabel()})
 * @param charts null when charts are off or the cell failed
 * @param pointScores null unless point scores are kept
 */
public record CellArtifacts(String fileLabel, CellCharts charts, List<SavedPipeline> pipelines,
    List<PointSeries> pointScores) {
  public static CellArtifacts none(String fileLabel) {
    return new CellArtifacts(fileLabel, null, List.of(), null);
  }

  public CellArtifacts {
    pipelines = List.copyOf(pipelines);
    pointScores = pointScores == null ? null : List.copyOf(pointScores);
  }
}
