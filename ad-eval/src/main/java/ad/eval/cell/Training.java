package ad.eval.cell;

import java.io.Serializable;

/**
 * What fitting a cell's model cost: epochs trained (0 for models without epochs), and wall-clock
 * seconds to fit and to score the test part on the machine that ran the cell.
 */
public record Training(int epochs, double fitSeconds, double scoreSeconds) implements Serializable {
  public static final Training NONE = new Training(0, Double.NaN, Double.NaN);
}
