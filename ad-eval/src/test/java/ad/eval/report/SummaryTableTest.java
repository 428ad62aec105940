package ad.eval.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

  static final Metric AUC = Metric.score("roc_auc", "ROC AUC");
  static final Metric TIME = new Metric("fit_seconds", "Fit (s)", Metric.Better.NONE, 1);
  static final Metric LOSS = new Metric("loss", "Loss", Metric.Better.LOWER, 3);

  static MetricRow row(String dataset, String detector, long seed, double auc) {
    Map<String, Double> m = new HashMap<>();
    m.put("roc_auc", auc);
    m.put("fit_seconds", 1.0 * seed);
    m.put("loss", 1 - auc);
    return new MetricRow(dataset, detector, seed, m);
  }

  @Test
  void meanAndSampleStdOverSeedsCountingMissingValues() {
    SummaryTable t = SummaryTable.of(List.of(row("d", "ae", 1, 0.8), row("d", "ae", 2, 0.9),
        row("d", "ae", 3, Double.NaN)), List.of(AUC), Set.of());

    Stat s = t.stat("d", "ae", "roc_auc").orElseThrow();

    assertEquals(0.85, s.mean(), 1e-12);
    assertEquals(Math.sqrt(0.005), s.std(), 1e-12);
    assertEquals(2, s.n());
    assertEquals(1, s.missing());
    assertTrue(Double.isNaN(Stat.of(new double[] {0.7}).std()), "no spread from one seed");
    assertTrue(Double.isNaN(Stat.of(new double[] {Double.NaN}).mean()));
  }

  @Test
  void whenEveryDetectorTiesNoneIsBest() {
    SummaryTable t = SummaryTable.of(List.of(row("d", "ae", 1, 0.0), row("d", "pca", 1, 0.0)), List.of(AUC),
        Set.of());
    assertFalse(t.isBest("d", "ae", AUC), "every F1 0 under a threshold that flags nothing: no one is best");
    assertTrue(SummaryTable.of(List.of(row("d", "ae", 1, 0.7)), List.of(AUC), Set.of()).isBest("d", "ae", AUC));
  }

  @Test
  void flagsAreCountedOncePerSeedUnderTheirMetricOrTheWholeRow() {
    Flag low = new Flag("AUC<0.5", "below chance");
    Flag failed = new Flag("failed", "no numbers");
    SummaryTable t = SummaryTable.of(List.of(
        new MetricRow("d", "ae", 1, Map.of("roc_auc", 0.4), Map.of("roc_auc", List.of(low, low))),
        new MetricRow("d", "ae", 2, Map.of("roc_auc", 0.45), Map.of("roc_auc", List.of(low))),
        new MetricRow("d", "ae", 3, Map.of(), Map.of(MetricRow.WHOLE_ROW, List.of(failed)))), List.of(AUC), Set.of());
    assertEquals(Map.of(low, 2), t.flags("d", "ae", "roc_auc"));
    assertEquals(Map.of(failed, 1), t.flags("d", "ae", MetricRow.WHOLE_ROW));
    assertEquals(3, t.seeds("d", "ae"));
    assertEquals(Set.of(low, failed), t.allFlags());
    assertEquals(Map.of(), t.flags("d", "pca", "roc_auc"));
  }

  @Test
  void marksTheBestPerDatasetInTheMetricsDirectionWithTies() {
    SummaryTable t = SummaryTable.of(List.of(row("d1", "ae", 1, 0.9), row("d1", "pca", 1, 0.8),
        row("d1", "if", 1, 0.9), row("d2", "ae", 1, 0.6), row("d2", "pca", 1, 0.7),
        row("d2", "if", 1, Double.NaN)), List.of(AUC, LOSS, TIME), Set.of("pca", "if"));

    assertTrue(t.isBest("d1", "ae", AUC));
    assertTrue(t.isBest("d1", "if", AUC), "ties are all best");
    assertFalse(t.isBest("d1", "pca", AUC));
    assertTrue(t.isBest("d2", "pca", AUC));
    assertFalse(t.isBest("d2", "if", AUC), "a NaN mean is never best");
    assertTrue(t.isBest("d2", "pca", LOSS), "lower is better for a loss");
    assertFalse(t.isBest("d2", "ae", TIME), "no best for timings");
    assertTrue(t.isBaseline("pca"));
    assertFalse(t.isBaseline("ae"));
  }

  @Test
  void keepsFirstAppearanceOrderAndGivesTheMeansMatrix() {
    SummaryTable t = SummaryTable.of(List.of(row("z", "pca", 1, 0.7), row("a", "ae", 1, 0.9),
        row("z", "ae", 1, 0.8), row("z", "ae", 2, 0.6)), List.of(AUC), Set.of());

    assertEquals(List.of("z", "a"), t.datasets());
    assertEquals(List.of("pca", "ae"), t.detectors());
    assertEquals(List.of("ae"), t.detectors("a"));
    double[][] means = t.means("roc_auc");
    assertArrayEquals(new double[] {0.7, 0.7}, means[0], 1e-12);
    assertTrue(Double.isNaN(means[1][0]));
    assertEquals(0.9, means[1][1], 1e-12);
  }

  @Test
  void aMissingMetricKeyIsNan() {
    MetricRow r = new MetricRow("d", "x", 1, Map.of());
    assertTrue(Double.isNaN(r.value("roc_auc")));
    Map<String, Double> withNull = new HashMap<>();
    withNull.put("roc_auc", null);
    assertTrue(Double.isNaN(new MetricRow("d", "x", 1, withNull).value("roc_auc")));
  }
}
