package ad.experiments;

import static ad.experiments.UserErrorsTest.ad;
import static ad.experiments.UserErrorsTest.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ad.experiments.CommandLineTest.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Isolation forest files across the change from Smile's trees to ad's own (issue 14, case 9): a file
 * of the old format is refused with what to do, a new one records format version 4.
 */
class IsolationForestFilesTest {
  @TempDir
  Path temp;

  @Test
  void aForestSavedAsSmilesGrowthRecipeIsRefusedWithWhatToDo() throws IOException {
    Path old = temp.resolve("isolation-forest.adp");
    try (InputStream in = IsolationForestFilesTest.class.getResourceAsStream(
        "/fixtures/isolation-forest-v1/isolation-forest.adp")) {
      Files.copy(in, old);
    }
    Path input = Files.writeString(temp.resolve("rows.csv"), "a,b,c\n0.1,0.2,0.3\n");
    Outcome o = ad("score", "--model", old.toString(), "--input", input.toString());
    assertUserError(o, old + ": this isolation_forest was saved by an earlier ad (model format 1 to 3), as rows "
        + "and seeds for Smile to regrow its trees; this ad grows and saves its own trees and cannot rebuild that "
        + "forest exactly: refit it (run the experiment again with save_models: true)");
  }

  @Test
  void aNewForestIsFormatVersionFour() throws IOException {
    Files.writeString(temp.resolve("data.csv"), UserErrorsTest.csv(60, 5));
    Path spec = Files.writeString(temp.resolve("forest.yaml"), UserErrorsTest.csvSpec("data.csv",
        "  - {type: isolation_forest, trees: 10, max_samples: 16}\n", "save_models: true\n"));
    Path out = temp.resolve("out");
    Outcome run = ad("run", spec.toString(), "--out", out.toString(), "--data-root", temp.toString());
    assertEquals(0, run.status(), run.err());
    ModelZip zip = ModelZip.read(UserErrorsTest.only(out.resolve("models")));
    assertEquals(4, zip.manifest.path("format_version").asInt(), zip.manifest.toString());
  }
}
