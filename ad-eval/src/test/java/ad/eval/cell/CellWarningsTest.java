package ad.eval.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.eval.cell.CellWarning.Kind;
import ad.eval.metrics.ConfusionMatrix;
import ad.eval.output.CellStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reader could be fooled by is found in the cell's own numbers, and kept with the cell. */
class CellWarningsTest {
  private static final CellIdentity ID = new CellIdentity("x", "abc", "cardio", "dense", "dense_autoencoder", 1);

  @TempDir
  Path temp;

  @Test
  void aRankingBelowChanceIsFlaggedOnEveryRow() {
    CellResult cell = cell(0.42, List.of(), row("mean_std", false, 3, 2, 90, 5));
    assertEquals(List.of(Kind.ROC_BELOW_CHANCE), kinds(cell.warnings()));
    assertTrue(cell.warnings().get(0).message().startsWith("ROC AUC 0.420 is below 0.5"), cell.warnings().toString());
    assertEquals(1, cell.rows().get(0).warnings().size());
  }

  @Test
  void aThresholdAboveEveryScoreAndOneBelowEveryScoreAreFlaggedOnTheirOwnRows() {
    CellResult cell = cell(0.9, List.of(), row("mean_std", false, 0, 0, 90, 10), row("p50", false, 10, 90, 0, 0),
        row("iqr", false, 6, 3, 87, 4));
    assertEquals(List.of(Kind.NO_ROW_FLAGGED, Kind.EVERY_ROW_FLAGGED), kinds(cell.warnings()));
    assertEquals(List.of(Kind.NO_ROW_FLAGGED), kinds(cell.rows().get(0).warnings()));
    assertEquals(List.of(Kind.EVERY_ROW_FLAGGED), kinds(cell.rows().get(1).warnings()));
    assertEquals(List.of(), cell.rows().get(2).warnings());
    assertTrue(cell.warnings().get(0).message().startsWith("'mean_std': the threshold 1.500 is above every test "
        + "score"), cell.warnings().get(0).message());
  }

  @Test
  void anOracleNoBetterThanFlaggingEveryRowIsFlagged() {
    // 10 anomalies in 100 rows: flagging all gives F1 = 2 * 10 / 110 = 0.182.
    CellResult all = cell(0.6, List.of(), row("best_f1", true, 10, 90, 0, 0));
    assertEquals(List.of(Kind.ORACLE_FLAGS_ALL), kinds(all.warnings()));
    assertTrue(all.warnings().get(0).message().contains("0.182, is what flagging every row gives (10.0% of the "
        + "test rows are anomalies)"), all.warnings().get(0).message());
    assertEquals(List.of(), cell(0.9, List.of(), row("best_f1", true, 8, 2, 88, 2)).warnings());
  }

  @Test
  void aLossThatNeverFellBelowItsFirstEpochIsFlagged() {
    assertEquals(List.of(Kind.LOSS_DID_NOT_FALL),
        kinds(cell(0.9, List.of(0.2577, 0.2650, 0.2577), row("t", false, 5, 1, 89, 5)).warnings()));
    assertEquals(List.of(), cell(0.9, List.of(0.11, 0.05, 0.02), row("t", false, 5, 1, 89, 5)).warnings());
    // A Gaussian VAE's loss is negative; falling means getting more negative.
    assertEquals(List.of(), cell(0.9, List.of(-10.0, -12.0), row("t", false, 5, 1, 89, 5)).warnings());
    assertEquals(List.of(Kind.LOSS_DID_NOT_FALL),
        kinds(cell(0.9, List.of(-10.0, -10.001), row("t", false, 5, 1, 89, 5)).warnings()));
    assertEquals(List.of(), cell(0.9, List.of(0.3), row("t", false, 5, 1, 89, 5)).warnings(), "one epoch");
  }

  @Test
  void aFailedCellHasNothingToDoubt() {
    assertEquals(List.of(), CellResult.failed(ID, List.of("t"), "diverged").warnings());
  }

  @Test
  void aCellStoredWithoutWarningsGetsThemBackWhenRead() throws Exception {
    CellResult cell = cell(0.3, List.of(), row("mean_std", false, 0, 0, 90, 10));
    CellStore store = new CellStore(temp);
    store.save(cell);
    Path file = temp.resolve("abc.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(file.toFile());
    assertEquals("roc_below_chance", tree.get("warnings").get(0).get("kind").asText());
    tree.remove("warnings");
    Files.write(file, json.writeValueAsBytes(tree));
    assertEquals(cell.warnings(), store.load("abc").orElseThrow().warnings());
  }

  private static CellResult cell(double roc, List<Double> loss, ThresholdResult... rows) {
    CellCurves curves = new CellCurves(new double[] {0, 1}, new double[] {0, 1}, new double[0], new double[0], 0.1,
        loss, List.of(), loss.size() - 1, null, null);
    return new CellResult(ID, Status.OK, "", new DataSizes(300, 100, 100, 10, 0),
        Map.of(StandardMeasures.ROC_AUC, roc, StandardMeasures.PR_AUC, 0.5), List.of(rows), Training.NONE, curves);
  }

  private static ThresholdResult row(String name, boolean oracle, int tp, int fp, int tn, int fn) {
    ConfusionMatrix c = new ConfusionMatrix(tp, fp, tn, fn);
    return new ThresholdResult(name, Status.OK, "", oracle ? "test labels" : "validation", oracle, 1.5, "rule", c,
        Map.of(StandardMeasures.F1, c.f1()));
  }

  private static List<Kind> kinds(List<CellWarning> warnings) {
    return warnings.stream().map(CellWarning::kind).toList();
  }
}
