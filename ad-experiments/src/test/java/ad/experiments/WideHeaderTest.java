package ad.experiments;

import static ad.experiments.UserErrorsTest.ad;
import static ad.experiments.UserErrorsTest.assertUserError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.experiments.CommandLineTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers of 300,000 columns (issue 14, case 7): checked in linear time (the quadratic checks took 38 to
 * 76 s before any error) and named in one short line, not a 2.6 MB list.
 */
class WideHeaderTest {
  private static final int COLUMNS = 300_000;

  @TempDir
  Path temp;

  @Test
  void aRunOnAWideTableWithoutItsLabelAnswersFastAndShort() throws IOException {
    Files.writeString(temp.resolve("wide.csv"), header() + "\n" + "1,".repeat(COLUMNS - 1) + "1\n");
    Path spec = Files.writeString(temp.resolve("wide.yaml"), UserErrorsTest.csvSpec("wide.csv",
        "  - test_centroid\n", ""));
    long start = cpuNanos();
    Outcome o = ad("run", spec.toString(), "--out", temp.resolve("out").toString(), "--data-root", temp.toString());
    double seconds = (cpuNanos() - start) / 1e9;
    assertUserError(o, "wide.csv: no label column 'label' (label_column); the columns are [c0, c1, c2, c3, c4, c5, "
        + "c6, c7, ... and 299,992 more]");
    assertShortAndFast(o, seconds);
  }

  @Test
  void scoringAWideFileThatLacksAColumnAnswersFastAndShort() throws IOException {
    Path model = UserErrorsTest.trainAndSave(temp, "data.csv", UserErrorsTest.csv(40, 5));
    // Column 'a' at the very end, 'b' nowhere.
    Path input = Files.writeString(temp.resolve("wide.csv"), header() + ",a\n" + "1,".repeat(COLUMNS) + "1\n");
    long start = cpuNanos();
    Outcome o = ad("score", "--model", model.toString(), "--input", input.toString());
    double seconds = (cpuNanos() - start) / 1e9;
    assertUserError(o, "wide.csv: the model needs column 'b', which the header lacks",
        "the input has 300001 columns: c0, c1, c2, c3, c4, c5, c6, c7, ... and 299,993 more");
    assertShortAndFast(o, seconds);
  }

  private static String header() {
    StringBuilder h = new StringBuilder();
    for (int i = 0; i < COLUMNS; i++) {
      h.append(i == 0 ? "" : ",").append('c').append(i);
    }
    return h.toString();
  }

  private static void assertShortAndFast(Outcome o, double seconds) {
    assertTrue(o.err().length() < 1_000, o.err().length() + " characters on stderr");
    // Linear work on a 2 MB header takes well under a second; a quadratic check took a minute.
    assertTrue(seconds < 10, seconds + " CPU seconds");
  }

  /** This thread's CPU time: what the work costs, whatever else the machine runs. */
  static long cpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }
}
