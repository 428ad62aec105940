package ad.eval.run;

import java.util.List;

/** A finished cell: its rows (one per thresholder) and what the report draws of it. */
record CellOutcome(List<CellResult> rows, CellCurves curves) {
  CellOutcome {
    rows = List.copyOf(rows);
  }
}
