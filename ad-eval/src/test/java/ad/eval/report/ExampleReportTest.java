package ad.eval.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the full example report for a look in a browser or for {@code .ci/render-report.sh}; off
 * unless asked for, since it renders every chart type (a few seconds):
 *
 * <pre>
 * mvn -o -q -B -pl ad-eval test -Dtest=ExampleReportTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dad.report.example=target/example-report
 * .ci/render-report.sh ad-eval/target/example-report/report.html
 * </pre>
 */
class ExampleReportTest {

  @Test
  @EnabledIfSystemProperty(named = "ad.report.example", matches = ".+")
  void writesTheExampleReport() throws IOException {
    Path dir = Path.of(System.getProperty("ad.report.example"));

    Path page = HtmlReport.write(ExampleReport.build(dir, true), dir);

    assertTrue(Files.size(page) > 100_000, "the charts are embedded");
    System.out.println("example report: " + page.toAbsolutePath());
  }
}
