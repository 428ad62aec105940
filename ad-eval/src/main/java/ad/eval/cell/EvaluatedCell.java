package ad.eval.cell;

import java.util.List;

/**
 * A cell as evaluated: its result, what it made besides (to write), and what it had to say (not
 * errors: a fallback taken, a model that cannot be saved).
 */
public record EvaluatedCell(CellResult result, CellArtifacts artifacts, List<String> warnings) {
  public EvaluatedCell {
    warnings = List.copyOf(warnings);
  }
}
