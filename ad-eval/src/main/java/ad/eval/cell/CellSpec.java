package ad.eval.cell;

import java.io.Serializable;
import java.util.List;

/**
 * Everything that determines one cell's numbers and files: one detector fitted on one dataset under
 * one seed, then every thresholder applied to the same scores.
 *
 * @param experiment the experiment's name, reported on every row
 * @param index the cell's position in the experiment's fixed order (dataset, seed, detector), 0-based
 * @param id a content hash of all of the above (see {@code ad.eval.run.CellPlan}): the name of the
 *     cell's stored file, so that a re-run reuses exactly the cells whose content did not change
 */
public record CellSpec(String experiment, int index, String id, ComponentSpec dataset, ComponentSpec protocol,
    ComponentSpec scaler, ComponentSpec detector, List<ThresholdSpec> thresholders, long seed,
    CellSettings settings) implements Serializable {

  public CellSpec {
    thresholders = List.copyOf(thresholders);
  }

  /** Who the cell is, as its result reports it. */
  public CellIdentity identity() {
    return new CellIdentity(experiment, id, dataset.name(), detector.name(), detector.type(), seed);
  }

  /** A file-name-safe label, e.g. {@code cardio-dense_lr_0.01_-seed1}. */
  public String fileLabel() {
    return safe(dataset.name()) + "-" + safe(detector.name()) + "-seed" + seed;
  }

  /** {@code name} as a file-name label: see {@link ad.eval.io.FileNames#label}. */
  public static String safe(String name) {
    return ad.eval.io.FileNames.label(name);
  }
}
