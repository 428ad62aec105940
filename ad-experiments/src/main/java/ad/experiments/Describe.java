package ad.experiments;

import ad.eval.spec.ExperimentSpec;

/** Short phrases about a spec for the console. */
final class Describe {
  private Describe() {}

  static String cells(ExperimentSpec spec) {
    return plural(spec.datasets().size(), "dataset") + " x " + plural(spec.detectors().size(), "detector")
        + " x " + plural(spec.seeds().size(), "seed") + " = " + plural(spec.cellCount(), "cell");
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
