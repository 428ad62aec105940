package ad.eval.report;

import java.util.List;

/**
 * A free-form table of text cells, e.g. the Friedman test ({@code statistic | value}) or pairwise
 * Wilcoxon p-values with the Holm correction. Cells are shown as given (escaped), so the caller
 * chooses the number format; cells that read as numbers are aligned right.
 *
 * @param caption shown above the table; may be empty
 * @param header the column headings
 * @param rows the rows, each as long as the header
 * @param flags per row, what to doubt about it (shown in a last column when any row has one); empty,
 *     or one list per row
 * @param collapsed shown folded under its caption (a {@code details} element), for long tables a
 *     reader opens when needed
 */
public record TextTable(String caption, List<String> header, List<List<String>> rows, List<List<Flag>> flags,
    boolean collapsed) {

  public TextTable {
    caption = caption == null ? "" : caption;
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    flags = flags.stream().map(List::copyOf).toList();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != header.size()) {
        throw new IllegalArgumentException("table '" + caption + "': row " + i + " has " + rows.get(i).size()
            + " cells for " + header.size() + " columns");
      }
    }
    if (!flags.isEmpty() && flags.size() != rows.size()) {
      throw new IllegalArgumentException("table '" + caption + "': " + flags.size() + " flag lists for "
          + rows.size() + " rows");
    }
  }

  /** A table without flags, shown open. */
  public TextTable(String caption, List<String> header, List<List<String>> rows) {
    this(caption, header, rows, List.of(), false);
  }

  /** True when some row has a flag. */
  public boolean hasFlags() {
    return flags.stream().anyMatch(f -> !f.isEmpty());
  }
}
