package ad.eval.spec;

import ad.core.Detector;
import ad.core.Thresholder;
import ad.core.data.DatasetSource;
import ad.core.protocol.Protocol;
import ad.core.scale.Scaler;

/** The kinds of component an experiment file declares, with the word messages and listings use. */
public enum ComponentKind {
  DETECTOR(Detector.class, "detector"),
  THRESHOLDER(Thresholder.class, "thresholder"),
  DATASET(DatasetSource.class, "dataset"),
  PROTOCOL(Protocol.class, "protocol"),
  SCALER(Scaler.class, "scaler");

  private final Class<?> type;
  private final String label;

  ComponentKind(Class<?> type, String label) {
    this.type = type;
    this.label = label;
  }

  /** The registry kind: {@code Detector.class}, ... */
  public Class<?> type() {
    return type;
  }

  /** {@code detector}, {@code dataset}, ... */
  public String label() {
    return label;
  }

  public static ComponentKind of(Class<?> type) {
    for (ComponentKind k : values()) {
      if (k.type == type) {
        return k;
      }
    }
    throw new IllegalArgumentException("not a component kind: " + type);
  }
}
