package ad.eval.spec;

import ad.core.Detector;
import ad.core.Thresholder;
import ad.core.data.DatasetSource;
import ad.core.protocol.Protocol;
import ad.core.scale.Scaler;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated experiment: every dataset is run with every seed and every detector, under one protocol,
 * scaler and thresholder.
 *
 * @param source the file it was read from
 * @param name the experiment name (used for the default output folder)
 */
public record ExperimentSpec(Path source, String name, String description, List<Long> seeds,
    List<Component<DatasetSource>> datasets, Component<Protocol> protocol, Component<Scaler> scaler,
    List<Component<Detector>> detectors, Component<Thresholder> thresholder) {

  public ExperimentSpec {
    seeds = List.copyOf(seeds);
    datasets = List.copyOf(datasets);
    detectors = List.copyOf(detectors);
  }

  /** The number of (dataset, seed, detector) cells. */
  public int cellCount() {
    return datasets.size() * seeds.size() * detectors.size();
  }
}
