package ad.eval.output;

import ad.eval.cell.CellArtifacts;
import ad.eval.cell.SavedPipeline;
import ad.eval.chart.ChartFiles;
import ad.eval.pipeline.PipelineFile;
import java.nio.file.Path;

/**
 * Writes what a cell made besides its result under an output folder: {@code charts/} (score
 * histograms, ROC), {@code models/<cell>.adp} and {@code points/<cell>.csv}, each file atomically.
 */
public final class CellFiles {
  private CellFiles() {}

  public static void write(CellArtifacts artifacts, Path outputDirectory, ChartFiles.Format chartFormat) {
    if (artifacts.charts() != null) {
      CellChartFiles.write(artifacts.charts(), outputDirectory.resolve("charts"), new ChartOutput(chartFormat));
    }
    for (SavedPipeline saved : artifacts.pipelines()) {
      PipelineFile.write(outputDirectory.resolve("models").resolve(saved.fileName()), saved.pipeline());
    }
    if (artifacts.pointScores() != null) {
      PointScoresFile.write(outputDirectory.resolve("points").resolve(artifacts.fileLabel() + ".csv"),
          artifacts.pointScores());
    }
  }
}
