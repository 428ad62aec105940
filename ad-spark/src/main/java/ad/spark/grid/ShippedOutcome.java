package ad.spark.grid;

import ad.eval.run.CellOutcome;
import java.io.Serializable;
import java.util.List;

/** What a Spark task sends back: the cell's outcome and the files it wrote. */
record ShippedOutcome(CellOutcome outcome, List<ShippedFile> files) implements Serializable {
  ShippedOutcome {
    files = List.copyOf(files);
  }
}
