package ad.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {

  private static final String EVIL = "<script>alert('x')</script> & \"quotes\"";

  @TempDir Path dir;
  private Path png;

  @BeforeEach
  void smallChart() throws IOException {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(5, 5, 20, 10);
    g.dispose();
    png = dir.resolve("chart.png");
    ImageIO.write(image, "png", png.toFile());
  }

  private Report report() {
    List<MetricRow> rows = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      rows.add(SummaryTableTest.row("thyroid", "dense_ae", seed, 0.90 + 0.01 * seed));
      rows.add(SummaryTableTest.row("thyroid", "pca", seed, 0.80));
      rows.add(SummaryTableTest.row(EVIL, "dense_ae", seed, 0.7));
      rows.add(SummaryTableTest.row(EVIL, "pca", seed, seed == 3 ? Double.NaN : 0.75));
    }
    SummaryTable summary = SummaryTable.of(rows, List.of(SummaryTableTest.AUC, SummaryTableTest.TIME), java.util.Set.of("pca"));
    TextTable friedman = new TextTable("Friedman " + EVIL, List.of("statistic", "value"),
        List.of(List.of("chi2", "4.0"), List.of("p", EVIL)));
    return new Report("exp " + EVIL, "about " + EVIL, "generated " + EVIL, "name: x\nnote: '" + EVIL + "'",
        summary, List.of("best_f1 is an oracle " + EVIL), List.of(friedman), List.of(Figure.wide(png, "heatmap")),
        List.of(new Section("thyroid", "text", List.of(), List.of(new Figure(png, "ROC " + EVIL))),
            Section.of(EVIL, List.of(new Figure(png, "")))));
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void isWellFormedWithTheExpectedParts() throws Exception {
    Document doc = parse(HtmlReport.render(report()));

    Element root = doc.getDocumentElement();
    assertEquals("html", root.getTagName());
    assertEquals("exp " + EVIL, doc.getElementsByTagName("h1").item(0).getTextContent());
    List<String> h2 = texts(doc.getElementsByTagName("h2"));
    assertEquals(List.of("Summary", "Statistics", "Overview", "thyroid", EVIL, "Experiment spec"), h2);
    assertEquals(3, doc.getElementsByTagName("img").getLength());
    assertEquals(1, doc.getElementsByTagName("style").getLength());
    assertEquals("name: x\nnote: '" + EVIL + "'", doc.getElementsByTagName("pre").item(0).getTextContent());
    // Two datasets x two detectors, each dataset a tbody.
    Element summary = (Element) doc.getElementsByTagName("table").item(0);
    assertEquals(2, summary.getElementsByTagName("tbody").getLength());
    assertEquals(4, summary.getElementsByTagName("tbody").item(0).getChildNodes().getLength()
        + summary.getElementsByTagName("tbody").item(1).getChildNodes().getLength());
  }

  @Test
  void marksBestBaselinesAndMissingSeeds() throws Exception {
    String html = HtmlReport.render(report());
    Document doc = parse(html);

    List<String> bold = texts(doc.getElementsByTagName("strong"));
    assertEquals(List.of("0.920", "0.750"), bold, "the best ROC AUC per dataset; no bold for timings");
    assertEquals(2, count(html, "<span class=\"tag\">baseline</span>"));
    assertTrue(html.contains("<strong>0.920</strong><span class=\"std\"> \u00b1 0.010</span>"), "mean \u00b1 std");
    assertTrue(html.contains(">2/3</span>"), "a cell with a seed missing says so");
  }

  @Test
  void flagsShowBesideTheirValuesWithSeedCountsAndOnceInTheLegendAndLongTablesFold() throws Exception {
    Flag low = new Flag("AUC<0.5", "below chance " + EVIL);
    Flag failed = new Flag("failed", "no numbers");
    List<MetricRow> rows = List.of(
        new MetricRow("d", "ae", 1, java.util.Map.of("roc_auc", 0.4), java.util.Map.of("roc_auc", List.of(low))),
        new MetricRow("d", "ae", 2, java.util.Map.of("roc_auc", 0.45), java.util.Map.of("roc_auc", List.of(low))),
        new MetricRow("d", "pca", 1, java.util.Map.of(), java.util.Map.of(MetricRow.WHOLE_ROW, List.of(failed))));
    SummaryTable summary = SummaryTable.of(rows, List.of(SummaryTableTest.AUC), java.util.Set.of("pca"));
    TextTable decisions = new TextTable("Every cell", List.of("detector", "F1", "tp"),
        List.of(List.of("ae", "0.000", "0"), List.of("pca", "-", "-")), List.of(List.of(low), List.of(failed)), true);
    Report report = new Report("exp", "", "", "", summary, List.of(), List.of(), List.of(),
        List.of(new Section("d", "", List.of("pca failed (seed 1): " + EVIL), List.of(decisions), List.of())));
    String html = HtmlReport.render(report);
    Document doc = parse(html);

    assertTrue(html.contains("<span class=\"flag\" title=\"below chance &lt;script&gt;"), html);
    assertTrue(html.contains(">AUC&lt;0.5 \u00d72</span>"), "two of the seeds raised it: " + html);
    assertTrue(html.contains("baseline</span> <span class=\"flag\" title=\"no numbers\">failed</span>"),
        "on the detector's row, without a count for its one seed: " + html);
    Element legend = (Element) doc.getElementsByTagName("div").item(
        texts(doc.getElementsByTagName("div")).indexOf(texts(doc.getElementsByTagName("div")).stream()
            .filter(t -> t.startsWith("Flags:")).findFirst().orElseThrow()));
    assertEquals(2, legend.getElementsByTagName("li").getLength(), "each flag once: " + legend.getTextContent());
    assertEquals(1, doc.getElementsByTagName("details").getLength());
    assertEquals("Every cell", doc.getElementsByTagName("summary").item(0).getTextContent());
    assertTrue(html.contains("<td class=\"num\">0.000</td>"), "numbers align right");
    assertTrue(html.contains("<li>pca failed (seed 1): &lt;script&gt;"), "a section's notes, escaped");
  }

  @Test
  void escapesEveryUserString() {
    String html = HtmlReport.render(report());

    assertFalse(html.contains("<script"), "no script element, injected or otherwise");
    assertFalse(html.contains("'x')</script>"));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assertEquals("&lt;a&gt; &amp; &quot;b&quot; &#39;c&#39;\uFFFD", Html.escape("<a> & \"b\" 'c'\u0001"));
  }

  @Test
  void embedsEveryImageAndReferencesNothingOutside() throws IOException {
    String html = HtmlReport.render(report());

    String lower = html.toLowerCase(Locale.ROOT);
    for (String forbidden : List.of("http:", "https:", "file:", "ftp:", "//", "<link", "@import", "url(")) {
      assertFalse(lower.replace("</", "").contains(forbidden), "external reference: " + forbidden);
    }
    Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
    int images = 0;
    byte[] expected = Files.readAllBytes(png);
    while (src.find()) {
      images++;
      String uri = src.group(1);
      assertTrue(uri.startsWith("data:image/png;base64,"), uri.substring(0, Math.min(40, uri.length())));
      assertEquals(java.util.Arrays.toString(expected),
          java.util.Arrays.toString(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1))));
    }
    assertEquals(3, images);
    assertTrue(html.contains("width=\"40\" height=\"30\""), "the PNG's own size is declared");
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (href.find()) {
      assertTrue(href.group(1).matches("#[a-z0-9-]+"), "only in-page links: " + href.group(1));
    }
  }

  @Test
  void writesReportHtmlAtomicallyAndFailsClearlyOnAMissingChart() throws IOException {
    Path out = dir.resolve("out");

    Path file = HtmlReport.write(report(), out);

    assertEquals(out.resolve("report.html"), file);
    assertEquals(HtmlReport.render(report()), Files.readString(file));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left");
    }
    Files.delete(png);
    UserException e = assertThrows(UserException.class, () -> HtmlReport.write(report(), out));
    assertTrue(e.getMessage().contains("chart.png"), e.getMessage());
  }

  @Test
  void anEmptyExperimentStillGivesAPage() throws Exception {
    Report empty = new Report("empty", "", "", "", SummaryTable.of(List.of(), List.of(), java.util.Set.of()),
        List.of(), List.of(), List.of(), List.of());

    Document doc = parse(HtmlReport.render(empty));

    assertEquals(List.of("Summary"), texts(doc.getElementsByTagName("h2")));
  }

  private static List<String> texts(NodeList nodes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
