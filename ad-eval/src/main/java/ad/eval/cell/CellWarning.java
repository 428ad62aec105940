package ad.eval.cell;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A result a reader could take for more than it is: the cell worked, but one of its numbers says
 * less than it seems to (a ranking worse than chance, a threshold that flags nothing). Carried in the
 * cell's result, printed when the cell finishes, marked in results.csv and in the report.
 *
 * @param kind what is suspicious, with a short mark and a legend for tables
 * @param thresholder the thresholder whose row it concerns; empty when it concerns the whole cell
 * @param message what was seen, with the numbers, for the user
 */
public record CellWarning(Kind kind, String thresholder, String message) implements Serializable {

  public CellWarning {
    Objects.requireNonNull(kind, "kind");
    thresholder = thresholder == null ? "" : thresholder;
    Objects.requireNonNull(message, "message");
  }

  /** True when it concerns every row of the cell, not one thresholder's. */
  public boolean ofCell() {
    return thresholder.isEmpty();
  }

  /** The kinds of warnings; each has a short mark for tables and a legend saying what it means. */
  public enum Kind {
    ROC_BELOW_CHANCE("AUC<0.5", "ROC AUC below 0.5, what a random ranking gets: the scores rank anomalies "
        + "below normal rows"),
    NO_ROW_FLAGGED("none flagged", "the threshold is above every test score: no row is flagged, so recall "
        + "and F1 are 0 whatever the ranking"),
    EVERY_ROW_FLAGGED("all flagged", "the threshold is at or below every test score: every row is flagged, "
        + "so precision is just the share of anomalies"),
    ORACLE_FLAGS_ALL("oracle=all", "the oracle's best F1 is no better than flagging every row: the scores "
        + "give no threshold that beats flagging everything"),
    LOSS_DID_NOT_FALL("loss flat", "the training loss never fell below its first epoch's: the network did "
        + "not learn (learning_rate too high or too low?)"),
    FLAT_OUTPUT("flat output", "the network's reconstructions barely move with its input (a VAE's posterior "
        + "collapse, or saturated units): it scores rows against nearly one fixed output");

    private final String mark;
    private final String legend;

    Kind(String mark, String legend) {
      this.mark = mark;
      this.legend = legend;
    }

    /** A few characters for a table cell, e.g. {@code AUC<0.5}. */
    public String mark() {
      return mark;
    }

    /** One sentence saying what the mark means. */
    public String legend() {
      return legend;
    }

    /** As written in results.csv and the stored cell, e.g. {@code roc_below_chance}. */
    @JsonValue
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
