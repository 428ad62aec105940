package ad.experiments;

import static ad.experiments.UserErrorsTest.ad;
import static ad.experiments.UserErrorsTest.assertUserError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.experiments.CommandLineTest.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files built to exhaust memory or to be read two ways (issue 14, case 2), through {@code ad score}:
 * each is refused with exit 2 and a message naming the file and what is wrong, before memory is spent
 * on it, and the input is left as it was.
 */
class ModelFileLimitsTest {
  @TempDir
  Path temp;
  private Path model;
  private Path input;
  private byte[] inputBytes;

  @BeforeEach
  void saveAModel() throws IOException {
    model = UserErrorsTest.trainAndSave(temp, "data.csv", UserErrorsTest.csv(40, 5));
    input = Files.writeString(temp.resolve("new.csv"), "a,b\n0.1,0.2\n");
    inputBytes = Files.readAllBytes(input);
  }

  @Test
  void anEntryThatInflatesBeyondItsRecordedSizeIsRefusedAtTheFirstExtraByte() throws IOException {
    ModelZip zip = ModelZip.read(model);
    String state = zip.state().get(0).name();
    int recorded = zip.state().get(0).bytes().length;
    // 64 MiB of zeros deflate to about 64 KB; the manifest still records the entry's true size.
    zip.replace(state, new byte[64 << 20]);
    Path bomb = zip.signManifestOnly().write(temp.resolve("bomb.adp"));
    assertTrue(Files.size(bomb) < 1 << 20, Files.size(bomb) + " bytes");
    assertRefused(bomb, "bomb.adp is corrupt: entry '" + state + "' inflates beyond the " + recorded
        + " bytes its manifest records (a zip bomb?)");
  }

  @Test
  void aManifestThatInflatesBeyond64MiBIsRefused() throws IOException {
    Path bomb = temp.resolve("manifest-bomb.adp");
    try (OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(bomb));
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
      zip.putNextEntry(new ZipEntry("manifest.json"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 65; i++) {
        zip.write(spaces);
      }
    }
    assertRefused(bomb, "manifest-bomb.adp is not an ad model file: its manifest.json inflates beyond 64 MiB "
        + "(a zip bomb?)");
  }

  @Test
  void recordedSizesNoFileCouldHoldAreRefusedBeforeReading() throws IOException {
    ModelZip zip = ModelZip.read(model).sign();
    String state = zip.state().get(0).name();
    ((com.fasterxml.jackson.databind.node.ObjectNode) zip.manifest.path("entries").path(state)).put("bytes",
        3_000_000_000L);
    Path absurd = zip.signManifestOnly().write(temp.resolve("absurd.adp"));
    assertRefused(absurd, "absurd.adp is corrupt: its manifest records 3000000000 bytes for entry '" + state
        + "', which a file of " + String.format("%,d", Files.size(absurd)) + " bytes cannot hold");
  }

  @Test
  void stateLargerThanTheHeapIsRefusedWithHowToGiveMoreMemory() throws Exception {
    // 48 MiB of zeros: a size deflate can reach from this file, but not within a 32 MiB heap.
    ModelZip zip = ModelZip.read(model);
    String state = zip.state().get(0).name();
    zip.replace(state, new byte[48 << 20]);
    Path large = zip.sign().write(temp.resolve("large.adp"));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "score", "--model", large.toString(),
        "--input", input.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue(), output);
    assertTrue(output.contains("large.adp holds 48 MB of model state, more than this JVM can load with "), output);
    assertTrue(output.contains("give it more memory, e.g. AD_JAVA_OPTS=-Xmx"), output);
    assertFalse(output.contains("OutOfMemoryError"), output);
  }

  @Test
  void anEntryNamedTwiceIsRefusedWhicheverCopyAReaderWouldTake() throws IOException {
    ModelZip zip = ModelZip.read(model).sign();
    ModelZip.Entry state = zip.state().get(0);
    zip.entries.add(new ModelZip.Entry(state.name(), new byte[state.bytes().length]));
    assertRefused(zip.write(temp.resolve("twice.adp")), "twice.adp holds entry '" + state.name() + "' twice: "
        + "refusing a file that was altered (an ad model file names each entry once)");

    ModelZip manifests = ModelZip.read(model);
    manifests.entries.add(new ModelZip.Entry("manifest.json", "{}".getBytes(StandardCharsets.UTF_8)));
    assertRefused(manifests.write(temp.resolve("two-manifests.adp")), "holds entry 'manifest.json' twice");
  }

  @Test
  void entriesTheManifestDoesNotListOrListsButLacksAreRefused() throws IOException {
    ModelZip extra = ModelZip.read(model);
    extra.entries.add(new ModelZip.Entry("state/model/evil.f32", new byte[4]));
    assertRefused(extra.write(temp.resolve("extra.adp")), "extra.adp has an entry its manifest does not list "
        + "('state/model/evil.f32'): refusing a file that was altered");

    ModelZip missing = ModelZip.read(model).sign();
    String state = missing.state().get(0).name();
    missing.entries.removeIf(e -> e.name().equals(state));
    assertRefused(missing.signManifestOnly().write(temp.resolve("missing.adp")), "missing.adp is corrupt: entry '"
        + state + "' is missing");
  }

  @Test
  void absurdEntryCountsAreRefusedBeforeAnyIsRead() throws IOException {
    ModelZip many = ModelZip.read(model);
    for (int i = 0; i < 10_000; i++) {
      many.entries.add(new ModelZip.Entry("state/model/x" + i + ".f32", new byte[0]));
    }
    assertRefused(many.write(temp.resolve("many.adp")), "many.adp has " + String.format("%,d", many.entries.size())
        + " entries; an ad model file has at most 10,002: refusing it");

    ModelZip listed = ModelZip.read(model);
    var entries = (com.fasterxml.jackson.databind.node.ObjectNode) listed.manifest.path("entries");
    for (int i = 0; i < 10_001; i++) {
      entries.putObject("state/model/x" + i + ".f32").put("bytes", 0).put("sha256", "");
    }
    assertRefused(listed.signManifestOnly().write(temp.resolve("listed.adp")), "listed.adp is corrupt: its "
        + "manifest lists " + String.format("%,d", entries.size()) + " entries, more than the 10,000 an ad model file "
        + "may have");
  }

  private void assertRefused(Path file, String expected) throws IOException {
    Outcome o = ad("score", "--model", file.toString(), "--input", input.toString());
    assertUserError(o, expected);
    assertArrayEquals(inputBytes, Files.readAllBytes(input), "the input is unchanged");
  }
}
