package ad.eval.cell;

import ad.eval.spec.ThresholdRule;
import ad.eval.spec.ThresholdRule.FitOn;
import java.io.Serializable;

/** A thresholder of a cell and the scores it is fitted on ({@link ThresholdRule} as plain data). */
public record ThresholdSpec(ComponentSpec thresholder, FitOn fitOn) implements Serializable {

  public static ThresholdSpec of(ThresholdRule rule) {
    return new ThresholdSpec(ComponentSpec.of(rule.thresholder()), rule.fitOn());
  }

  public String name() {
    return thresholder.name();
  }
}
