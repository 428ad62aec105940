package ad.eval.threshold;

import ad.core.Thresholder;
import ad.core.registry.ComponentProvider;
import ad.core.registry.ComponentType;
import ad.core.registry.NoOptions;
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
        ComponentType.of(Thresholder.class, ContaminationThresholder.NAME,
            "flags the top fraction of the reference scores (fraction default 0.1)",
            ContaminationThresholder.class, t -> t),
        ComponentType.of(Thresholder.class, "fixed",
            "a given value; ignores the reference scores", FixedThresholder.class, t -> t),
        ComponentType.of(Thresholder.class, IqrThresholder.NAME,
            "Tukey's fence Q3 + k * IQR (k default 1.5)", IqrThresholder.class, t -> t),
        ComponentType.of(Thresholder.class, MadThresholder.NAME,
            "median + k * 1.4826 * MAD, robust k sigma (k default 3)", MadThresholder.class, t -> t),
        ComponentType.of(Thresholder.class, ModifiedZScoreThresholder.NAME,
            "Iglewicz-Hoaglin modified z-score > z (z default 3.5)",
            ModifiedZScoreThresholder.class, t -> t),
        ComponentType.of(Thresholder.class, OtsuThresholder.NAME,
            "Otsu's cut of the score histogram; for scores with both classes (bins default 256)",
            OtsuThresholder.class, t -> t),
        ComponentType.of(Thresholder.class, GmmThresholder.NAME,
            "boundary of a two-Gaussian mixture fitted by EM; for scores with both classes",
            GmmThresholder.class, t -> t),
        ComponentType.of(Thresholder.class, SpotThresholder.NAME,
            "extreme value theory (SPOT): GPD tail above initial_quantile 0.98, risk 1e-4",
            SpotThresholder.class, t -> t),
        ComponentType.of(Thresholder.class, BestF1Thresholder.NAME,
            "ORACLE: the F1-best cut on the test labels; only where the spec allows oracles",
            NoOptions.class, o -> new BestF1Thresholder()));
  }
}
