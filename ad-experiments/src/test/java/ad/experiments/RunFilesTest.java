package ad.experiments;

import static ad.experiments.UserErrorsTest.ad;
import static ad.experiments.UserErrorsTest.assertUserError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ad.core.data.WrittenFiles;
import ad.experiments.CommandLineTest.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ad run}'s files (issue 14, cases 1 and 5): nothing it writes replaces a file it reads, and a
 * data file it cannot read is named with what the operating system said, before any cell runs.
 */
class RunFilesTest {
  @TempDir
  Path temp;

  @Test
  void anOutputFolderThatIsTheExperimentOrADataFileIsRefused() throws IOException {
    Path data = Files.writeString(temp.resolve("data.csv"), UserErrorsTest.csv(40, 5));
    Path spec = spec("data.csv");
    byte[] specBytes = Files.readAllBytes(spec);
    assertUserError(ad("run", spec.toString(), "--out", spec.toString(), "--data-root", temp.toString()),
        "output folder " + spec + " exists and is not a folder");
    assertUserError(ad("run", spec.toString(), "--out", data.toString(), "--data-root", temp.toString()),
        "output folder " + data + " exists and is not a folder");
    assertArrayEquals(specBytes, Files.readAllBytes(spec));
    assertEquals(UserErrorsTest.csv(40, 5), Files.readString(data));
  }

  @Test
  void aDataFileWhereTheRunWritesIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path out = Files.createDirectories(temp.resolve("out"));
    // The user's table happens to be called results.csv and sits in the output folder.
    Path results = Files.writeString(out.resolve("results.csv"), UserErrorsTest.csv(40, 5));
    Outcome o = ad("run", spec("out/results.csv").toString(), "--out", out.toString(), "--data-root",
        temp.toString());
    assertUserError(o, "dataset 'd' cannot be loaded, so no cell was run: data file 'out/results.csv' (path) would "
        + "be overwritten by this run, which writes " + results + " (the same path): ad never writes over its own "
        + "input; move the file or choose another output folder with --out");
    assertEquals(UserErrorsTest.csv(40, 5), Files.readString(results), "the data is unchanged");
    assertFalse(Files.exists(out.resolve("results.json")), "nothing was written");

    // Reached through a symbolic link, or as a hard link, it is the same file.
    Files.createSymbolicLink(temp.resolve("link.csv"), results);
    assertUserError(ad("run", spec("link.csv").toString(), "--out", out.toString(), "--data-root", temp.toString()),
        "data file 'link.csv' (path) would be overwritten by this run, which writes " + results + " (through a "
        + "symbolic link");
    Path hard = Files.createLink(temp.resolve("hard.csv"), results);
    assertUserError(ad("run", spec("hard.csv").toString(), "--out", out.toString(), "--data-root", temp.toString()),
        "data file 'hard.csv' (path) would be overwritten by this run, which writes " + results + " (a hard link to "
        + "it)");
    assertEquals(UserErrorsTest.csv(40, 5), Files.readString(hard));

    // Under a folder the run fills (charts/, models/, cells/, points/), and the experiment file itself.
    Path charts = Files.createDirectories(out.resolve("charts"));
    Files.writeString(charts.resolve("d.csv"), UserErrorsTest.csv(40, 5));
    assertUserError(ad("run", spec("out/charts/d.csv").toString(), "--out", out.toString(), "--data-root",
        temp.toString()), "would be overwritten by this run, which writes the folder " + charts);
    Path inReport = Files.writeString(out.resolve("report.html"), Files.readString(spec("data.csv")));
    Files.writeString(temp.resolve("data.csv"), UserErrorsTest.csv(40, 5));
    assertUserError(ad("run", inReport.toString(), "--out", out.toString(), "--data-root", temp.toString()),
        "the experiment file " + inReport + " would be overwritten by this run, which writes " + inReport);
  }

  @Test
  void everyFileARunWritesIsInTheGuardedLayout() throws IOException {
    // Charts (PNG and SVG), saved models, point scores, several thresholders: everything a run writes.
    StringBuilder series = new StringBuilder("t,x,label\n");
    for (int t = 0; t < 120; t++) {
      series.append(t).append(',').append(Math.sin(t / 4.0)).append(',').append(t >= 100 && t < 104 ? 1 : 0)
          .append('\n');
    }
    Files.writeString(temp.resolve("s.csv"), series.toString());
    Path spec = Files.writeString(temp.resolve("all.yaml"), """
        name: all
        seeds: [1]
        charts: true
        chart_format: svg
        save_models: true
        save_point_scores: true
        datasets:
          - {name: s, type: series, paths: [s.csv], window: 6, stride: 2, train_prefix: 60, timestamp_column: t}
        protocol: {type: fixed, train_on: all, validation_fraction: 0.0}
        thresholders:
          - {type: percentile, q: 99, fit_on: train}
          - {type: mean_std, k: 3, fit_on: train}
        detectors: [test_centroid]
        """);
    Path out = temp.resolve("out");
    Outcome o = ad("run", spec.toString(), "--out", out.toString(), "--data-root", temp.toString());
    assertEquals(0, o.status(), o.err());
    WrittenFiles written = RunCommand.written(out);
    try (Stream<Path> files = Files.walk(out)) {
      List<Path> unguarded = files.filter(Files::isRegularFile).filter(f -> written.replacing(f).isEmpty()).toList();
      assertEquals(List.of(), unguarded, "files a run writes that its input guard does not know");
    }
    assertTrue(Files.isDirectory(out.resolve("points")) && Files.isDirectory(out.resolve("models")));
  }

  @Test
  void dataFilesTheSystemWillNotReadAreNamedWithItsReason() throws IOException {
    Files.createSymbolicLink(temp.resolve("loop.csv"), temp.resolve("loop.csv"));
    assertUserError(run("loop.csv"), "data file 'loop.csv' (path) cannot be read: a symbolic link loop (too many "
        + "levels of symbolic links): " + temp.resolve("loop.csv"));
    Files.createSymbolicLink(temp.resolve("dangling.csv"), temp.resolve("gone.csv"));
    assertUserError(run("dangling.csv"), "data file 'dangling.csv' (path) is a symbolic link to "
        + temp.resolve("gone.csv") + ", which does not exist");
    String longName = "n".repeat(300) + ".csv";
    assertUserError(run(longName), "data file '" + longName + "' (path) cannot be read: file name too long");

    Path secret = Files.writeString(temp.resolve("secret.csv"), UserErrorsTest.csv(40, 5));
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("-w-------"));
    // Root reads any file whatever its permission bits; only that assertion is skipped then.
    assumeTrue(!Files.isReadable(secret), "running as root: permission bits do not stop reads");
    assertUserError(run("secret.csv"), "data file 'secret.csv' (path) cannot be read: permission denied: " + secret);
  }

  @Test
  void csvThatIsNotUtf8IsNamedForWhatItIs() throws IOException {
    Files.write(temp.resolve("utf16.csv"), ("\uFEFF" + UserErrorsTest.csv(40, 5)).getBytes(StandardCharsets.UTF_16LE));
    assertUserError(run("utf16.csv"), "utf16.csv:1: the file is UTF-16 text (it starts with a UTF-16 byte-order "
        + "mark); ad reads UTF-8 (or ASCII): convert it, e.g. 'iconv -f UTF-16 -t UTF-8 in > out'");
    Files.write(temp.resolve("bare16.csv"), UserErrorsTest.csv(40, 5).getBytes(StandardCharsets.UTF_16BE));
    assertUserError(run("bare16.csv"), "bare16.csv:1: the header holds NUL bytes, so the file is not UTF-8 text");
    Files.write(temp.resolve("latin1.csv"), UserErrorsTest.csv(40, 5).replace("a,b,label", "\u00e9t\u00e9,b,label")
        .getBytes(StandardCharsets.ISO_8859_1));
    assertUserError(run("latin1.csv"), "latin1.csv:1: the header is not UTF-8 text (byte 0xE9 at position 1");

    // The experiment file too.
    Path spec = Files.write(temp.resolve("utf16.yaml"), ("\uFEFF" + UserErrorsTest.csvSpec("data.csv",
        "  - test_centroid\n", "")).getBytes(StandardCharsets.UTF_16LE));
    assertUserError(ad("validate", spec.toString()), spec + ": the file is UTF-16 text (it starts with a UTF-16 "
        + "byte-order mark)");
    Files.createDirectories(temp.resolve("folder.yaml"));
    assertUserError(ad("validate", temp.resolve("folder.yaml").toString()), "experiment file is a folder, not a file: "
        + temp.resolve("folder.yaml"));

    // ad score says the same of its input.
    Path model = UserErrorsTest.trainAndSave(temp, "data.csv", UserErrorsTest.csv(40, 5));
    assertUserError(ad("score", "--model", model.toString(), "--input", temp.resolve("utf16.csv").toString()),
        "utf16.csv:1: the file is UTF-16 text");
  }

  @Test
  void namesTooLongForAFileSystemAreCaughtByValidateOrShortenedInFileNames() throws IOException {
    String longName = "e".repeat(256);
    Path spec = Files.writeString(temp.resolve("long.yaml"), "name: " + longName + "\nseeds: [1]\ndatasets:\n"
        + "  - {name: g, type: synthetic, dimensions: 3, normal: {count: 40}, anomalies: {count: 4, mean: 4}}\n"
        + "detectors: [test_centroid]\n");
    assertUserError(ad("validate", spec.toString()), "long.yaml:1:", "'name' is 256 characters long, and it names "
        + "the output folder (out/<name>): file systems allow at most 255 bytes per name; shorten it");

    // Dataset, detector and thresholder names of 200 characters each: every file the run derives from them
    // is shortened (with a hash) to fit, so validate and run both accept them.
    String d = "d".repeat(200);
    String det = "k".repeat(200);
    String th = "t".repeat(200);
    Files.writeString(spec, "name: long\nseeds: [1]\ncharts: true\nsave_models: true\ndatasets:\n"
        + "  - {name: " + d + ", type: synthetic, dimensions: 3, normal: {count: 40}, anomalies: {count: 4, mean: 4}}\n"
        + "thresholders:\n  - {type: mean_std, k: 3, name: " + th + "}\n  - {type: percentile, q: 99}\n"
        + "detectors:\n  - {type: test_centroid, name: " + det + "}\n");
    assertEquals(0, ad("validate", spec.toString()).status());
    Path out = temp.resolve("out");
    Outcome o = ad("run", spec.toString(), "--out", out.toString());
    assertEquals(0, o.status(), o.err());
    try (Stream<Path> files = Files.walk(out)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertTrue(all.stream().anyMatch(p -> p.startsWith(out.resolve("models"))), all.toString());
      assertTrue(all.stream().allMatch(p -> p.getFileName().toString().length() <= 255), all.toString());
    }
  }

  @Test
  void namesThatWouldShareOutputFilesAreRefusedByValidate() throws IOException {
    // A grid names its variants after their values: 'c(weight=2.0)' becomes the file name c_weight_2.0_, as the
    // detector named c_weight_2.0_ does; one's charts and models would replace the other's.
    Path spec = Files.writeString(temp.resolve("clash.yaml"), """
        name: clash
        seeds: [1]
        datasets:
          - {name: g, type: synthetic, dimensions: 3, normal: {count: 40}, anomalies: {count: 4, mean: 4}}
        detectors:
          - {type: test_centroid, name: c_weight_2.0_}
          - {type: test_centroid, name: c, grid: {weight: [1.0, 2.0]}}
        """);
    assertUserError(ad("validate", spec.toString()), "clash.yaml:7:", "the detectors 'c_weight_2.0_' and "
        + "'c(weight=2.0)' would share the file name 'c_weight_2.0_' (charts, saved models) and write over each "
        + "other's files; give one another 'name:'");
  }

  private Path spec(String dataPath) throws IOException {
    return Files.writeString(temp.resolve("spec.yaml"), UserErrorsTest.csvSpec(dataPath, "  - test_centroid\n",
        ""));
  }

  private Outcome run(String dataPath) throws IOException {
    return ad("run", spec(dataPath).toString(), "--out", temp.resolve("out").toString(), "--data-root",
        temp.toString());
  }
}
