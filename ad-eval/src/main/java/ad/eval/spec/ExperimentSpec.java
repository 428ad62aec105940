package ad.eval.spec;

import ad.core.Detector;
import ad.core.data.DatasetSource;
import ad.core.protocol.Protocol;
import ad.core.scale.Scaler;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated experiment: every dataset is run with every seed and every detector (grid variants
 * expanded), under one protocol and scaler; every thresholder is applied to the scores of each cell.
 *
 * @param source the file it was read from
 * @param name the experiment name (used for the default output folder)
 * @param options how the run behaves, beside what it compares
 */
public record ExperimentSpec(Path source, String name, String description, List<Long> seeds,
    Options options, List<Component<DatasetSource>> datasets, Component<Protocol> protocol,
    Component<Scaler> scaler, List<Component<Detector>> detectors,
    List<ThresholdRule> thresholders) {

  public ExperimentSpec {
    seeds = List.copyOf(seeds);
    datasets = List.copyOf(datasets);
    detectors = List.copyOf(detectors);
    thresholders = List.copyOf(thresholders);
  }

  /**
   * @param workers cells run at once; 0 = choose for this machine
   * @param saveModels write each fitted pipeline to {@code models/} (for {@code ad score})
   * @param savePointScores write each series cell's evaluated point scores to {@code points/}, to
   *     check {@code ad score} against the run
   * @param charts write the charts of each cell
   * @param allowOracle allow thresholders that read test labels (marked as oracles in every output)
   * @param metrics extra measures by name, one column each
   * @param pointScores how window scores of a series combine into point scores
   * @param perFileModels for series: fit a scaler, a model and thresholds per file (SKAB's protocol)
   *     instead of one for all files; metrics are pooled over files either way
   * @param chartFormat {@code chart_format}: PNG only, or SVG files too (beside the PNGs the report embeds)
   */
  public record Options(int workers, boolean saveModels, boolean savePointScores, boolean charts, boolean allowOracle,
      List<String> metrics, ad.core.series.Aggregation pointScores, boolean perFileModels,
      ad.eval.chart.ChartFiles.Format chartFormat) {
    public Options {
      metrics = List.copyOf(metrics);
    }
  }

  public int workers() {
    return options.workers();
  }

  public boolean saveModels() {
    return options.saveModels();
  }

  /** The number of (dataset, seed, detector) cells. */
  public int cellCount() {
    return datasets.size() * seeds.size() * detectors.size();
  }
}
