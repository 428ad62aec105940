package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.UserException;
import org.junit.jupiter.api.Test;

class BestF1ThresholderTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void picksTheF1BestCutAndSaysItIsAnOracle() {
    // Cuts (flag >= c): 0.9: tp 1 fp 0 -> 2/(2+0+1) = .667; 0.8: 2/(2+1+1) = .5; 0.7: tp 2 fp 1 ->
    // 4/(4+1+0) = .8; 0.2: 4/6; 0.1: 4/7. Best 0.8 at cut 0.7; as "score > v", v = 0.2.
    boolean[] labels = {T, F, T, F, F};
    Scores scores = new Scores(new double[] {0.9, 0.8, 0.7, 0.2, 0.1});
    Threshold t = new BestF1Thresholder().fit(scores, labels);
    assertEquals(0.2, t.value());
    assertTrue(t.rule().startsWith(LabelledThresholder.ORACLE_PREFIX), t.rule());
    assertTrue(t.rule().contains("0.8"), t.rule());
    boolean[] flagged = t.apply(scores);
    assertTrue(flagged[0] && flagged[1] && flagged[2] && !flagged[3] && !flagged[4]);
  }

  @Test
  void flaggingEverythingStaysBelowTheLowestScore() {
    // All anomalous: flagging both gives F1 1; v must let 1.0 through.
    Threshold t = new BestF1Thresholder().fit(new Scores(new double[] {1, 2}), new boolean[] {T, T});
    assertEquals(Math.nextDown(1.0), t.value());
  }

  @Test
  void refusesALabelFreeFitAndDegenerateInput() {
    assertThrows(UnsupportedOperationException.class,
        () -> new BestF1Thresholder().fit(new Scores(new double[] {1, 2})));
    assertThrows(UserException.class, () -> new BestF1Thresholder()
        .fit(new Scores(new double[] {1, 2}), new boolean[] {F, F}));
    assertThrows(UserException.class, () -> new BestF1Thresholder()
        .fit(new Scores(new double[] {1, Double.NaN}), new boolean[] {T, F}));
    assertThrows(IllegalArgumentException.class, () -> new BestF1Thresholder()
        .fit(new Scores(new double[] {1, 2}), new boolean[] {T}));
  }
}
