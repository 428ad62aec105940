package ad.eval.report;

import java.util.Objects;

/**
 * A mark beside a number the reader should not take at face value ({@code AUC<0.5}, {@code failed}),
 * with its meaning: shown as the mark's tooltip and once in the report's legend.
 *
 * @param mark a few characters, shown in the table
 * @param meaning one sentence, in the legend
 */
public record Flag(String mark, String meaning) {
  public Flag {
    Objects.requireNonNull(mark, "mark");
    Objects.requireNonNull(meaning, "meaning");
  }
}
