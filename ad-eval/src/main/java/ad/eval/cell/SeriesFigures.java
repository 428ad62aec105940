package ad.eval.cell;

/** The time-series figures of a cell: point-adjusted F1 and event-wise precision, recall and F1. */
record SeriesFigures(double pointAdjustedF1, double eventPrecision, double eventRecall, double eventF1) {
  static final SeriesFigures NONE = new SeriesFigures(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
