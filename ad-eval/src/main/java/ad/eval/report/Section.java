package ad.eval.report;

import java.util.List;
import java.util.Objects;

/**
 * A part of the report with its own heading, usually one per dataset.
 *
 * @param heading e.g. the dataset's name
 * @param text a paragraph under the heading; may be empty
 * @param notes points to read before the tables (e.g. why cells failed), shown as a list; may be empty
 * @param tables tables shown before the figures
 * @param figures the charts, in order
 */
public record Section(String heading, String text, List<String> notes, List<TextTable> tables, List<Figure> figures) {

  public Section {
    Objects.requireNonNull(heading, "heading");
    text = text == null ? "" : text;
    notes = List.copyOf(notes);
    tables = List.copyOf(tables);
    figures = List.copyOf(figures);
  }

  /** A section without notes. */
  public Section(String heading, String text, List<TextTable> tables, List<Figure> figures) {
    this(heading, text, List.of(), tables, figures);
  }

  public static Section of(String heading, List<Figure> figures) {
    return new Section(heading, "", List.of(), figures);
  }
}
