package ad.eval.run;

import ad.core.Detector;
import ad.core.data.DatasetSource;
import ad.eval.spec.Component;

/**
 * One unit of work: a detector fitted on one dataset under one seed, then every thresholder applied.
 *
 * @param index position in the experiment's fixed cell order (dataset, seed, detector), 0-based
 * @param id a hash of everything that determines the cell's numbers (see {@link CellIds})
 */
record Cell(int index, Component<DatasetSource> dataset, Component<Detector> detector, long seed,
    String id) {

  /** A file-name-safe label, e.g. {@code cardio-dense_lr_0.01_-seed1}. */
  String fileLabel() {
    return safe(dataset.name()) + "-" + safe(detector.name()) + "-seed" + seed;
  }

  static String safe(String name) {
    return ad.eval.io.FileNames.label(name);
  }
}
