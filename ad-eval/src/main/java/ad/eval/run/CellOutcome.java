package ad.eval.run;

import ad.eval.cell.CellResult;
import java.io.Serializable;
import java.util.List;

/**
 * A finished cell as a scheduler hands it back: its result, and what it had to tell the user.
 *
 * @param index the cell's {@link ad.eval.cell.CellSpec#index()}
 */
public record CellOutcome(int index, CellResult result, List<String> warnings) implements Serializable {
  public CellOutcome {
    warnings = List.copyOf(warnings);
  }
}
