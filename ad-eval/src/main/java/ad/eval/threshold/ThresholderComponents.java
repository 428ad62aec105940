package ad.eval.threshold;

import ad.core.Thresholder;
import ad.core.registry.ComponentProvider;
import ad.core.registry.ComponentType;
import java.util.List;

/** Registers the thresholders of ad-eval. */
public final class ThresholderComponents implements ComponentProvider {

  @Override
  public List<ComponentType<?, ?>> components() {
    // Each options record is its own thresholder, so the factory is the identity.
    return List.of(
        ComponentType.of(Thresholder.class, MeanStdThresholder.NAME,
            "mean + k * std of the reference scores (population std; k default 3)",
            MeanStdThresholder.class, t -> t),
        ComponentType.of(Thresholder.class, PercentileThresholder.NAME,
            "q-th percentile of the reference scores (numpy linear; q default 95)",
            PercentileThresholder.class, t -> t),
        ComponentType.of(Thresholder.class, "fixed",
            "a given value; ignores the reference scores", FixedThresholder.class, t -> t));
  }
}
