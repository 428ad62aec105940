package ad.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ad.core.data.DataContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells stored before cells became plain values are reused by a resumed run, with the same rows. */
class LegacyCellsTest {
  private static final List<String> CELLS = List.of("3bff9ca551fe45c4", "793ae891ec16348f", "826bd827286cbeba",
      "9c3aa683c61ab5ba", "a34fab7c9150c3a5", "b086c5de53215882", "d3dff71b60a3d24c", "f27e028e9c4e932f");

  @TempDir
  Path temp;

  @Test
  void aRunResumedFromLegacyCellsWritesTheSameResults() throws IOException {
    Path out = temp.resolve("out");
    Files.createDirectories(out.resolve("cells"));
    for (String id : CELLS) {
      Files.write(out.resolve("cells/" + id + ".json"), resource("cells/" + id + ".json"));
    }
    String yaml = new String(resource("legacy-grid.yaml"), java.nio.charset.StandardCharsets.UTF_8);
    ExperimentRunnerTest.FITS.set(0);
    new ExperimentRunner(ExperimentRunnerTest.spec(yaml), new DataContext(temp, temp), out, RunListener.SILENT,
        new ExperimentRunner.Settings(1, false)).run();
    assertEquals(0, ExperimentRunnerTest.FITS.get(), "every legacy cell is reused");
    // Timings included: reused cells keep the ones they were stored with.
    assertEquals(new String(resource("results.csv"), java.nio.charset.StandardCharsets.UTF_8),
        Files.readString(out.resolve("results.csv")));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = LegacyCellsTest.class.getResourceAsStream("/legacy-cells/" + name)) {
      return in.readAllBytes();
    }
  }
}
