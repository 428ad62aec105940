package ad.eval.report;

import ad.core.UserException;
import ad.eval.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code report.html}: one self-contained page for an experiment. Charts are embedded as
 * base64 data URIs and the style sheet is inline, so the single file opens offline in any browser,
 * can be mailed or archived, and holds no script and no reference to anything outside itself.
 *
 * <p>The page: heading and description; contents; the summary table (mean ± std over seeds per
 * dataset and detector, best per dataset in bold, baselines tagged) with its notes; statistics
 * tables; overview charts; a section per dataset; the resolved spec. The markup is well-formed
 * XML (every element closed, every text escaped), so tests can parse it with the JDK's XML parser.
 */
public final class HtmlReport {

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("([-+]?(\\d[\\d,]*)?(\\.\\d+)?([eE][-+]?\\d+)? \u2013 )?"
          + "[-+]?(\\d[\\d,]*)?(\\.\\d+)?([eE][-+]?\\d+)?%?( \u00b1 [\\d.]+)?");

  /** Text cells up to this long are kept on one line. */
  private static final int SHORT = 32;

  /** The file name inside the output folder. */
  public static final String FILE_NAME = "report.html";

  private HtmlReport() {}

  /** Writes the page to {@code outputFolder/report.html} atomically and returns its path. */
  public static Path write(Report report, Path outputFolder) {
    Path file = outputFolder.resolve(FILE_NAME);
    byte[] page = render(report).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, page);
    return file;
  }

  /**
   * The page as a string.
   *
   * @throws UserException if a chart file cannot be read
   */
  public static String render(Report report) {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        .element("title", report.title() + " \u2014 anomaly detection report")
        .raw("<style>").raw(ReportStyle.CSS).raw("</style></head>\n<body><main>");
    header(h, report);
    contents(h, report);
    summary(h, report);
    if (!report.statistics().isEmpty()) {
      h.raw("<section id=\"statistics\">").element("h2", "Statistics");
      report.statistics().forEach(t -> table(h, t));
      h.raw("</section>\n");
    }
    if (!report.overview().isEmpty()) {
      h.raw("<section id=\"overview\">").element("h2", "Overview");
      figures(h, report.overview());
      h.raw("</section>\n");
    }
    List<Section> sections = report.sections();
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      h.raw("<section id=\"" + sectionId(i) + "\">").element("h2", s.heading());
      if (!s.text().isEmpty()) {
        h.element("p", s.text());
      }
      if (!s.notes().isEmpty()) {
        h.raw("<ul class=\"notes\">");
        s.notes().forEach(n -> h.element("li", n));
        h.raw("</ul>");
      }
      s.tables().forEach(t -> table(h, t));
      figures(h, s.figures());
      h.raw("</section>\n");
    }
    if (!report.spec().isEmpty()) {
      h.raw("<section id=\"spec\">").element("h2", "Experiment spec")
          .element("p", "class=\"muted\"", "As resolved, every default filled in.")
          .element("pre", report.spec()).raw("</section>\n");
    }
    h.raw("</main></body></html>\n");
    return h.toString();
  }

  private static void header(Html h, Report report) {
    h.raw("<header>").element("h1", report.title());
    if (!report.generated().isEmpty()) {
      h.element("p", "class=\"muted\"", report.generated());
    }
    if (!report.description().isEmpty()) {
      h.element("p", "class=\"lead\"", report.description());
    }
    SummaryTable t = report.summary();
    h.element("p", "class=\"muted\"", plural(t.datasets().size(), "dataset") + " \u00d7 "
        + plural(t.detectors().size(), "detector"));
    h.raw("</header>\n");
  }

  private static void contents(Html h, Report report) {
    h.raw("<nav><ul>").raw("<li><a href=\"#summary\">Summary</a></li>");
    if (!report.statistics().isEmpty()) {
      h.raw("<li><a href=\"#statistics\">Statistics</a></li>");
    }
    if (!report.overview().isEmpty()) {
      h.raw("<li><a href=\"#overview\">Overview</a></li>");
    }
    for (int i = 0; i < report.sections().size(); i++) {
      h.raw("<li>").element("a", "href=\"#" + sectionId(i) + "\"", report.sections().get(i).heading())
          .raw("</li>");
    }
    if (!report.spec().isEmpty()) {
      h.raw("<li><a href=\"#spec\">Spec</a></li>");
    }
    h.raw("</ul></nav>\n");
  }

  private static void summary(Html h, Report report) {
    SummaryTable t = report.summary();
    h.raw("<section id=\"summary\">").element("h2", "Summary")
        .element("p", "class=\"muted\"", "Mean \u00b1 standard deviation over seeds; the best mean of each "
            + "dataset in bold.");
    h.raw("<div class=\"scroll\"><table class=\"summary\"><thead><tr><th>Dataset</th><th>Detector</th>");
    for (Metric m : t.metrics()) {
      h.element("th", "class=\"num\"", m.label());
    }
    h.raw("</tr></thead>");
    for (String dataset : t.datasets()) {
      List<String> detectors = t.detectors(dataset);
      h.raw("<tbody>");
      for (int i = 0; i < detectors.size(); i++) {
        String detector = detectors.get(i);
        h.raw(t.isBaseline(detector) ? "<tr class=\"baseline\">" : "<tr>");
        if (i == 0) {
          h.element("th", "scope=\"rowgroup\" rowspan=\"" + detectors.size() + "\"", dataset);
        }
        h.raw("<td>").text(detector);
        if (t.isBaseline(detector)) {
          h.raw(" <span class=\"tag\">baseline</span>");
        }
        flags(h, t.flags(dataset, detector, MetricRow.WHOLE_ROW), t.seeds(dataset, detector) > 1);
        h.raw("</td>");
        for (Metric m : t.metrics()) {
          cell(h, t, dataset, detector, m);
        }
        h.raw("</tr>");
      }
      h.raw("</tbody>\n");
    }
    h.raw("</table></div>");
    if (!report.notes().isEmpty()) {
      h.raw("<ul class=\"notes\">");
      report.notes().forEach(n -> h.element("li", n));
      h.raw("</ul>");
    }
    legend(h, report);
    h.raw("</section>\n");
  }

  /**
   * What each flag on the page means, once: those of the summary and of every section's tables, in the
   * order first seen.
   */
  private static void legend(Html h, Report report) {
    Set<Flag> all = new LinkedHashSet<>(report.summary().allFlags());
    for (Section s : report.sections()) {
      s.tables().forEach(t -> t.flags().forEach(all::addAll));
    }
    if (all.isEmpty()) {
      return;
    }
    h.raw("<div class=\"legend\"><p>Flags: a result to read with care (\u00d7n: raised by n of the seeds "
        + "behind a value).</p><ul>");
    for (Flag f : all) {
      h.raw("<li>").element("span", "class=\"flag\"", f.mark()).raw(" ").text(f.meaning()).raw("</li>");
    }
    h.raw("</ul></div>");
  }

  /**
   * The flags of a table cell as marks; with several seeds behind the cell, each says how many raised
   * it ({@code ×2}).
   */
  private static void flags(Html h, Map<Flag, Integer> flags, boolean counted) {
    flags.forEach((flag, count) -> h.raw(" ").element("span", "class=\"flag\" title=\"" + Html.escape(flag.meaning())
        + "\"", flag.mark() + (counted ? " \u00d7" + count : "")));
  }

  private static void cell(Html h, SummaryTable t, String dataset, String detector, Metric m) {
    Stat s = t.stat(dataset, detector, m.key()).orElse(null);
    if (s == null || s.n() == 0) {
      h.element("td", "class=\"num missing\"", "n/a");
      return;
    }
    boolean best = t.isBest(dataset, detector, m);
    h.raw(best ? "<td class=\"num best\">" : "<td class=\"num\">");
    String mean = format(s.mean(), m.decimals());
    h.raw(best ? "<strong>" : "").text(mean).raw(best ? "</strong>" : "");
    if (!Double.isNaN(s.std())) {
      h.raw("<span class=\"std\"> \u00b1 ").text(format(s.std(), m.decimals())).raw("</span>");
    }
    if (s.missing() > 0) {
      h.raw(" ").element("span", "class=\"warn\" title=\"seeds without a value (failed or undefined)\"",
          s.n() + "/" + (s.n() + s.missing()));
    }
    flags(h, t.flags(dataset, detector, m.key()), t.seeds(dataset, detector) > 1);
    h.raw("</td>");
  }

  private static void table(Html h, TextTable table) {
    boolean flagged = table.hasFlags();
    if (table.collapsed()) {
      // No script: the browser folds and unfolds a details element by itself.
      h.raw("<details>").element("summary", table.caption());
    }
    h.raw("<div class=\"scroll\"><table class=\"text\">");
    if (!table.caption().isEmpty() && !table.collapsed()) {
      h.element("caption", table.caption());
    }
    h.raw("<thead><tr>");
    for (int c = 0; c < table.header().size(); c++) {
      h.element("th", numeric(table, c) ? "class=\"num\"" : "", table.header().get(c));
    }
    if (flagged) {
      h.element("th", "flags");
    }
    h.raw("</tr></thead><tbody>");
    for (int r = 0; r < table.rows().size(); r++) {
      List<String> row = table.rows().get(r);
      h.raw("<tr>");
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        // Numbers align right; short words stay on one line; sentences wrap.
        h.element("td", numeric(table, c) ? "class=\"num\"" : cell.length() <= SHORT ? "class=\"short\"" : "", cell);
      }
      if (flagged) {
        h.raw("<td>");
        Map<Flag, Integer> counts = new LinkedHashMap<>();
        table.flags().get(r).forEach(f -> counts.merge(f, 1, Integer::sum));
        flags(h, counts, counts.values().stream().anyMatch(n -> n > 1));
        h.raw("</td>");
      }
      h.raw("</tr>");
    }
    h.raw("</tbody></table></div>");
    h.raw(table.collapsed() ? "</details>\n" : "\n");
  }

  /** A column of numbers (every non-empty cell reads as one, a dash or n/a aside): aligned right. */
  private static boolean numeric(TextTable table, int column) {
    boolean any = false;
    for (List<String> row : table.rows()) {
      String cell = row.get(column).trim();
      if (cell.isEmpty() || cell.equals("-") || cell.equals("n/a")) {
        continue;
      }
      if (!NUMBER.matcher(cell).matches()) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static void figures(Html h, List<Figure> figures) {
    h.raw("<div class=\"figures\">");
    for (Figure f : figures) {
      EmbeddedImage image = EmbeddedImage.read(f.image());
      h.raw(f.wide() ? "<figure class=\"wide\">" : "<figure>")
          .raw("<img src=\"").raw(image.dataUri()).raw("\" alt=\"").text(f.caption().isEmpty()
              ? f.image().getFileName().toString() : f.caption()).raw("\"")
          // The natural size lets a wide figure show 1:1 and reserves the space before decoding.
          .raw(image.width() > 0 ? " width=\"" + image.width() + "\" height=\"" + image.height() + "\"" : "")
          .raw("/>");
      if (!f.caption().isEmpty()) {
        h.element("figcaption", f.caption());
      }
      h.raw("</figure>");
    }
    h.raw("</div>\n");
  }

  /** Ids from the section's index, never from its (user-chosen) heading. */
  private static String sectionId(int index) {
    return "section-" + (index + 1);
  }

  private static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** An image file as a data URI, with its pixel size when it is a PNG (0 otherwise). */
  private record EmbeddedImage(String dataUri, int width, int height) {

    static EmbeddedImage read(Path file) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UserException("cannot read chart " + file + " for the report: " + e.getMessage(), e);
      }
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      String type = name.endsWith(".svg") ? "image/svg+xml" : "image/png";
      String uri = "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
      boolean png = bytes.length >= 24 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
      // The PNG header's IHDR chunk holds width and height as big-endian ints at bytes 16 and 20.
      return png ? new EmbeddedImage(uri, readInt(bytes, 16), readInt(bytes, 20)) : new EmbeddedImage(uri, 0, 0);
    }

    private static int readInt(byte[] b, int at) {
      return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
  }
}
