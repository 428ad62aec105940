package ad.eval.cell;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a cell, or one thresholder of it, produced numbers; a failure carries its reason beside it. */
public enum Status {
  OK, FAILED;

  /** As written in results.csv: {@code ok} or {@code failed}. */
  @JsonValue
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
