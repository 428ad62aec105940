package ad.eval.run;

import ad.core.Detector;
import ad.core.Thresholder;
import ad.core.data.DatasetSource;
import ad.eval.cell.CellComponents;
import ad.eval.cell.CellSpec;
import ad.eval.cell.ComponentResolver;
import ad.eval.cell.ThresholdSpec;
import ad.eval.spec.ExperimentSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The components of a cell as the spec read in this process built them, found by their names. */
public final class SpecResolver implements ComponentResolver {
  private final ExperimentSpec spec;
  private final Map<String, DatasetSource> datasets = new HashMap<>();
  private final Map<String, Detector> detectors = new HashMap<>();
  private final Map<String, Thresholder> thresholders = new HashMap<>();

  public SpecResolver(ExperimentSpec spec) {
    this.spec = spec;
    spec.datasets().forEach(c -> datasets.put(c.name(), c.instance()));
    spec.detectors().forEach(c -> detectors.put(c.name(), c.instance()));
    spec.thresholders().forEach(r -> thresholders.put(r.name(), r.thresholder().instance()));
  }

  @Override
  public CellComponents resolve(CellSpec cell) {
    List<Thresholder> rules = cell.thresholders().stream().map(ThresholdSpec::name).map(thresholders::get).toList();
    return new CellComponents(find(datasets, cell.dataset().name()), spec.protocol().instance(),
        spec.scaler().instance(), find(detectors, cell.detector().name()), rules);
  }

  /** The dataset source the spec names {@code name}. */
  public DatasetSource dataset(String name) {
    return find(datasets, name);
  }

  private static <T> T find(Map<String, T> byName, String name) {
    T found = byName.get(name);
    if (found == null) {
      throw new IllegalArgumentException("the spec has no component named '" + name + "'");
    }
    return found;
  }
}
