package ad.eval.cell;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cell gave: who it is, whether it worked (and why not), the sizes of its split, its
 * threshold-free measures, one {@link ThresholdResult} per thresholder in the spec's order, what
 * fitting cost, and the curves the report draws. One cell is one or more rows of results.csv
 * ({@link #rows()}).
 *
 * <p>A failed cell carries its reason in {@code error} and a failed row per thresholder. Measures
 * that are undefined (ranking measures on a single-class test set) are NaN.
 *
 * @param measures threshold-free measures by name: {@link StandardMeasures#OF_CELL} and the spec's
 *     extra ranking measures
 * @param warnings what a reader should not take at face value ({@link CellWarnings}); null (a cell
 *     stored before warnings were kept) means: found again from the rest
 */
public record CellResult(CellIdentity cell, Status status, String error, DataSizes sizes, Map<String, Double> measures,
    List<ThresholdResult> thresholds, Training training, CellCurves curves, List<CellWarning> warnings)
    implements Serializable {

  public CellResult {
    measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    thresholds = List.copyOf(thresholds);
    warnings = List.copyOf(warnings != null ? warnings : CellWarnings.of(status, measures, thresholds, curves));
  }

  /** A result whose warnings are those {@link CellWarnings} finds in it. */
  public CellResult(CellIdentity cell, Status status, String error, DataSizes sizes, Map<String, Double> measures,
      List<ThresholdResult> thresholds, Training training, CellCurves curves) {
    this(cell, status, error, sizes, measures, thresholds, training, curves, null);
  }

  /** A cell that could not be completed: every thresholder's row fails with the same reason. */
  public static CellResult failed(CellSpec spec, String error) {
    return failed(spec.identity(), spec.thresholders().stream().map(ThresholdSpec::name).toList(), error);
  }

  /** A cell that could not be completed: every thresholder's row fails with the same reason. */
  public static CellResult failed(CellIdentity cell, List<String> thresholders, String error) {
    List<ThresholdResult> rows = new ArrayList<>();
    for (String name : thresholders) {
      rows.add(ThresholdResult.failed(name, error));
    }
    return new CellResult(cell, Status.FAILED, error, DataSizes.NONE, Map.of(), rows, Training.NONE,
        CellCurves.NONE);
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  /** True when the model fitted and at least one thresholder worked: such a cell is worth keeping. */
  public boolean hasResults() {
    return !failed() && thresholds.stream().anyMatch(t -> !t.failed());
  }

  /** The rows of results.csv, one per thresholder. */
  public List<ResultRow> rows() {
    return thresholds.stream().map(t -> new ResultRow(this, t)).toList();
  }

  /**
   * The first row whose thresholder worked, which carries the threshold-free figures, else the first
   * row.
   */
  public ResultRow representative() {
    List<ResultRow> rows = rows();
    return rows.stream().filter(r -> !r.failed()).findFirst().orElse(rows.get(0));
  }

  /** A threshold-free measure by name; NaN when the cell failed or does not have it. */
  public double measure(String name) {
    Double value = failed() ? null : measures.get(name);
    return value == null ? Double.NaN : value;
  }
}
