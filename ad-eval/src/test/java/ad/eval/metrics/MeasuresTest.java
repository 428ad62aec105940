package ad.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeasuresTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void everyNameOfTheIssueIsDeclared() {
    assertEquals(List.of("roc_auc", "roc_auc_adjusted", "average_precision", "ap_adjusted",
        "pr_auc", "max_f1", "precision_at_n", "precision", "recall", "f1", "f2", "f0_5", "mcc",
        "balanced_accuracy", "false_alarm_rate", "missed_alarm_rate", "tp", "fp", "tn", "fn"),
        Measures.names());
    assertEquals(7, Measures.names(Measure.Input.SCORES).size());
    Measures.all().forEach(m -> assertFalse(m.summary().isBlank(), m.name()));
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    UserException e = assertThrows(UserException.class, () -> Measures.get("auc"));
    assertTrue(e.getMessage().contains("'auc'") && e.getMessage().contains("roc_auc"),
        e.getMessage());
    assertTrue(Measures.find("auc").isEmpty());
  }

  @Test
  void rankingAndThresholdMeasuresReadTheirOwnInput() {
    boolean[] labels = {T, F, T, F, F};
    double[] scores = {0.9, 0.8, 0.7, 0.2, 0.1};
    boolean[] predictions = {T, T, F, F, F};
    // roc_auc: 5 of 6 pairs; f1 with tp 1 fp 1 fn 1: 2 / 4; counts.
    assertEquals(5.0 / 6, Measures.get("roc_auc").of(labels, scores, null), 1e-15);
    assertEquals(0.5, Measures.get("f1").of(labels, null, predictions), 1e-15);
    assertEquals(1.0, Measures.get("tp").of(labels, null, predictions));
    assertEquals(2.0, Measures.get("tn").of(labels, scores, predictions));
    assertEquals(0.5, Measures.get("missed_alarm_rate").of(labels, null, predictions));
    assertTrue(Measures.get("f1").needsThreshold());
    assertFalse(Measures.get("max_f1").needsThreshold());
    assertThrows(IllegalArgumentException.class,
        () -> Measures.get("roc_auc").of(labels, null, predictions));
    assertThrows(IllegalArgumentException.class,
        () -> Measures.get("mcc").of(labels, scores, null));
    // f_beta for any beta: beta 2 is f2.
    assertEquals(Measures.get("f2").of(labels, null, predictions),
        Measures.fBeta(2).of(labels, null, predictions), 1e-15);
  }

  @Test
  void chanceValues() {
    boolean[] labels = {T, F, F, F};
    assertEquals(0.5, Measures.get("roc_auc").chance(labels));
    assertEquals(0.0, Measures.get("roc_auc_adjusted").chance(labels));
    assertEquals(0.25, Measures.get("average_precision").chance(labels));
    assertEquals(0.0, Measures.get("ap_adjusted").chance(labels));
    assertEquals(0.25, Measures.get("precision_at_n").chance(labels));
    assertEquals(0.5 / 1.25, Measures.get("max_f1").chance(labels), 1e-15);
    assertEquals(0.625, Measures.get("pr_auc").chance(labels));
    assertEquals(0.0, Measures.get("mcc").chance(labels));
    assertEquals(0.5, Measures.get("balanced_accuracy").chance(labels));
    assertTrue(Double.isNaN(Measures.get("precision").chance(labels)));
    // A constant score gets exactly the ranking chance values.
    double[] constant = new double[4];
    for (Measure m : Measures.all()) {
      if (!m.needsThreshold()) {
        assertEquals(m.chance(labels), m.of(labels, constant, null), 1e-15, m.name());
      }
    }
  }

  @Test
  void rocAucAgreesWithSmile() {
    Random random = new Random(9);
    for (int trial = 0; trial < 10; trial++) {
      boolean[] labels = Fixtures.labels(random, 300, 0.2);
      double[] scores = Fixtures.scores(random, labels, 0);
      assertEquals(smile.validation.metric.AUC.of(Fixtures.ints(labels), scores),
          Measures.get("roc_auc").of(labels, scores, null), 1e-12);
    }
  }
}
