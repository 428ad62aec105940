package ad.eval.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.eval.cell.CellIdentity;
import ad.eval.cell.CellResult;
import ad.eval.cell.DataSizes;
import ad.eval.cell.StandardMeasures;
import ad.eval.cell.Status;
import ad.eval.cell.ThresholdResult;
import ad.eval.cell.Training;
import ad.eval.metrics.ConfusionMatrix;
import ad.eval.report.Flag;
import ad.eval.report.TextTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A dataset's decisions in the report: per detector and thresholder with the seeds aggregated, every
 * cell in a folded table, failures once per reason, and the flags of each row.
 */
class DecisionTablesTest {

  @Test
  void seedsAreAggregatedPerDetectorAndThresholderWithTheThresholdsAsARange() {
    DecisionTables tables = new DecisionTables(List.of(
        ok("ae", 1, 0.9, row("mean_std", false, 1.397, 6, 0, 331, 170)),
        ok("ae", 2, 0.9, row("mean_std", false, 0.0229, 99, 6, 325, 77))), List.of("ae"), List.of("mean_std"), Set.of());
    TextTable summary = tables.summary();
    assertEquals(List.of("detector", "thresholder", "seeds ok", "threshold", "flagged", "precision", "recall", "F1",
        "tp", "fp", "tn", "fn"), summary.header());
    assertTrue(summary.caption().contains("mean over 2 seeds"), summary.caption());
    // Flagged: 6 of 507 rows and 105 of 507: 1.2% and 20.7%, 10.9% on average.
    assertEquals(List.of("ae", "mean_std", "2/2", "0.0229 \u2013 1.40", "10.9%"), summary.rows().get(0).subList(0, 5));
    assertEquals(List.of("52.5", "3", "328", "123.5"), summary.rows().get(0).subList(8, 12), "counts: means per seed");
    assertEquals(List.of(List.of()), summary.flags());

    TextTable details = tables.details();
    assertTrue(details.collapsed(), "every cell's row is folded away");
    assertEquals(2, details.rows().size());
    assertEquals(List.of("ae", "1", "mean_std", "1.397", "1.000", "0.034", "0.066", "6", "0", "331", "170", "0.900",
        "validation"), details.rows().get(0));
  }

  @Test
  void failuresAreGivenOncePerReasonAndFlagged() {
    CellIdentity one = new CellIdentity("x", "c1", "d", "wild", "dense_autoencoder", 1);
    CellIdentity two = new CellIdentity("x", "c2", "d", "wild", "dense_autoencoder", 2);
    CellResult thresholdFailed = ok("ae", 1, 0.2, row("mean_std", false, 0.5, 0, 0, 90, 10),
        ThresholdResult.failed("spot", "too few scores in the tail"));
    DecisionTables tables = new DecisionTables(List.of(CellResult.failed(one, List.of("mean_std", "spot"), "collapsed"),
        CellResult.failed(two, List.of("mean_std", "spot"), "collapsed"), thresholdFailed), List.of("wild", "ae"),
        List.of("mean_std", "spot"), Set.of("spot"));

    assertEquals(List.of("wild failed (seed 1, seed 2): collapsed", "ae, thresholder spot (seed 1): too few scores "
        + "in the tail"), tables.failures());
    TextTable summary = tables.summary();
    assertEquals(List.of("wild", "mean_std", "0/2", "-"), summary.rows().get(0).subList(0, 4));
    assertEquals("spot (oracle)", summary.rows().get(1).get(1), "an oracle says so on its failed rows too");
    assertEquals(List.of(ReportFlags.FAILED, ReportFlags.FAILED), summary.flags().get(0));
    List<Flag> aboveEveryScore = summary.flags().get(2);
    assertEquals(List.of("AUC<0.5", "none flagged"), aboveEveryScore.stream().map(Flag::mark).toList());
    assertEquals(List.of(ReportFlags.NO_THRESHOLD), summary.flags().get(3));
  }

  private static CellResult ok(String detector, long seed, double roc, ThresholdResult... rows) {
    CellIdentity id = new CellIdentity("x", detector + seed, "d", detector, "dense_autoencoder", seed);
    return new CellResult(id, Status.OK, "", new DataSizes(300, 100, 507, 176, 0),
        Map.of(StandardMeasures.ROC_AUC, roc, StandardMeasures.PR_AUC, 0.5), List.of(rows), Training.NONE, null);
  }

  private static ThresholdResult row(String name, boolean oracle, double threshold, int tp, int fp, int tn, int fn) {
    ConfusionMatrix c = new ConfusionMatrix(tp, fp, tn, fn);
    return new ThresholdResult(name, Status.OK, "", oracle ? "test labels" : "validation", oracle, threshold, "rule", c,
        Map.of(StandardMeasures.PRECISION, c.precision(), StandardMeasures.RECALL, c.recall(), StandardMeasures.F1,
            c.f1()));
  }
}
