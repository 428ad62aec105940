package ad.eval.report;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@link HtmlReport} puts on the page, as plain values. Every string is text, never HTML:
 * the page escapes it.
 *
 * @param title the experiment's name, the page's heading
 * @param description a paragraph about the experiment; may be empty
 * @param generated when and by what the report was made, e.g. {@code 2026-05-01 14:03 UTC, ad 0.1.0};
 *     given by the caller so the same input gives the same page
 * @param spec the resolved experiment spec as YAML or JSON text; may be empty
 * @param summary the mean +- std table
 * @param notes caveats shown under the table, e.g. that best F1 is an oracle
 * @param statistics tables of the statistical tests
 * @param overview charts over all datasets (ROC AUC heatmap, critical-difference diagram)
 * @param sections one per dataset, with its charts
 */
public record Report(String title, String description, String generated, String spec, SummaryTable summary,
    List<String> notes, List<TextTable> statistics, List<Figure> overview, List<Section> sections) {

  public Report {
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    generated = generated == null ? "" : generated;
    spec = spec == null ? "" : spec;
    Objects.requireNonNull(summary, "summary");
    notes = List.copyOf(notes);
    statistics = List.copyOf(statistics);
    overview = List.copyOf(overview);
    sections = List.copyOf(sections);
  }
}
