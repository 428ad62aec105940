package ad.eval.cell;

/**
 * One row of results.csv: a cell under one of its thresholders. A row fails when its cell failed or
 * its thresholder could not fit; a failed row reports no numbers.
 */
public record ResultRow(CellResult cell, ThresholdResult threshold) {

  public boolean failed() {
    return cell.failed() || threshold.failed();
  }

  public Status status() {
    return failed() ? Status.FAILED : Status.OK;
  }

  /** Why the row failed; empty when it did not. */
  public String error() {
    return cell.failed() ? cell.error() : threshold.error();
  }

  public String dataset() {
    return cell.cell().dataset();
  }

  public String detector() {
    return cell.cell().detector();
  }

  public long seed() {
    return cell.cell().seed();
  }

  public String thresholder() {
    return threshold.thresholder();
  }

  public boolean oracle() {
    return threshold.oracle();
  }

  /** The cell's warnings that concern this row: the whole cell's and its thresholder's. */
  public java.util.List<CellWarning> warnings() {
    return cell.warnings().stream()
        .filter(w -> w.ofCell() || w.thresholder().equals(threshold.thresholder())).toList();
  }

  /** A measure of this row by name (threshold measures first, then the cell's); NaN if failed or absent. */
  public double measure(String name) {
    if (failed()) {
      return Double.NaN;
    }
    Double value = threshold.measures().get(name);
    return value != null ? value : cell.measure(name);
  }
}
