package ad.eval.report;

import java.util.List;

/**
 * A free-form table of text cells, e.g. the Friedman test ({@code statistic | value}) or pairwise
 * Wilcoxon p-values with the Holm correction. Cells are shown as given (escaped), so the caller
 * chooses the number format.
 *
 * @param caption shown above the table; may be empty
 * @param header the column headings
 * @param rows the rows, each as long as the header
 */
public record TextTable(String caption, List<String> header, List<List<String>> rows) {

  public TextTable {
    caption = caption == null ? "" : caption;
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != header.size()) {
        throw new IllegalArgumentException("table '" + caption + "': row " + i + " has " + rows.get(i).size()
            + " cells for " + header.size() + " columns");
      }
    }
  }
}
