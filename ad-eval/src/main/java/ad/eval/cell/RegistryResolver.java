package ad.eval.cell;

import ad.core.Detector;
import ad.core.Thresholder;
import ad.core.data.DatasetSource;
import ad.core.protocol.Protocol;
import ad.core.registry.Registry;
import ad.core.scale.Scaler;
import ad.eval.spec.ComponentBinder;

/**
 * Builds a cell's components from the registry of this process, binding each one's resolved options
 * as an experiment file's options are bound: the same components the spec declared, for a process
 * that received only the cell (a Spark executor).
 */
public final class RegistryResolver implements ComponentResolver {
  private final ComponentBinder binder;

  public RegistryResolver(Registry registry) {
    this.binder = new ComponentBinder(registry);
  }

  @Override
  public CellComponents resolve(CellSpec cell) {
    return new CellComponents(build(DatasetSource.class, cell.dataset()), build(Protocol.class, cell.protocol()),
        build(Scaler.class, cell.scaler()), build(Detector.class, cell.detector()),
        cell.thresholders().stream().map(t -> build(Thresholder.class, t.thresholder())).toList());
  }

  private <T> T build(Class<T> kind, ComponentSpec spec) {
    return binder.build(kind, spec.name(), spec.type(), spec.options()).instance();
  }
}
