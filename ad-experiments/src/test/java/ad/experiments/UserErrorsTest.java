package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.core.registry.ComponentProvider;
import ad.core.registry.ComponentType;
import ad.core.registry.Options;
import ad.experiments.CommandLineTest.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's bad-input matrix, one test per case, through the real command line: each mistake gives a
 * one-paragraph message naming the file, line/row and column/field (exit 2, no stack trace), or, for
 * data that only a cell reads, a failed cell whose error says the same (exit 1), and nothing is lost.
 *
 * <p>Most runs use {@code test_centroid}, a tiny detector registered for the tests only (see
 * {@link TestComponents} and {@code src/test/resources/META-INF/services}), which trains instantly and
 * can be saved, so that the scoring cases go through {@code ad run} with {@code save_models: true} and
 * then {@code ad score}.
 */
public class UserErrorsTest {
  @TempDir
  Path temp;

  // ---------------------------------------------------------------- the experiment file

  @Test
  void malformedYamlNamesLineAndColumn() throws IOException {
    Path spec = write("malformed.yaml", """
        name: malformed
        datasets:
          - type: synthetic
            dimensions: [4
            normal: {count: 20}
        detectors: [test_centroid]
        """);
    Outcome o = ad("validate", spec.toString());
    assertUserError(o, "malformed.yaml:5:11: malformed YAML: while parsing a flow sequence: expected ',' or ']'");

    Files.writeString(spec, "name: malformed\nseeds: [1]\n\tdatasets: []\n");
    assertUserError(ad("validate", spec.toString()), "malformed.yaml:3:1: malformed YAML:",
        "Do not use \\t(TAB) for indentation");
  }

  @Test
  void unknownKeySuggestsTheClosestValidKey() throws IOException {
    Path spec = write("typo.yaml", SYNTHETIC + """
        detectors:
          - type: dense_autoencoder
            hidden_layers: [2]
            learnin_rate: 0.01
        """);
    Outcome o = ad("validate", spec.toString());
    assertUserError(o, "typo.yaml:13:5: unknown key 'learnin_rate'", "dense_autoencoder",
        "did you mean 'learning_rate'?", "valid keys: [");
  }

  @Test
  void unknownTypeListsTheKnownTypes() throws IOException {
    Path spec = write("type.yaml", SYNTHETIC + """
        detectors:
          - type: dense_autoencodr
        """);
    Outcome o = ad("validate", spec.toString());
    assertUserError(o, "type.yaml:11:5: unknown detector type 'dense_autoencodr'",
        "did you mean 'dense_autoencoder'?", "known detector types: [", "isolation_forest", "pca");
  }

  @Test
  void wrongValueTypeNamesTheFieldAndWhatItExpects() throws IOException {
    Path spec = write("kind.yaml", SYNTHETIC + """
        detectors:
          - type: dense_autoencoder
            epochs: ten
        """);
    assertUserError(ad("validate", spec.toString()), "kind.yaml:12:5: 'epochs' expects an integer, got 'ten'");

    Files.writeString(spec, SYNTHETIC + """
        detectors:
          - type: dense_autoencoder
            epochs: 2.5
        """);
    assertUserError(ad("validate", spec.toString()), "kind.yaml:12:5:", "'epochs' expects an integer");
  }

  @Test
  void outOfRangeHyperparameterNamesTheFieldAndTheRange() throws IOException {
    Path spec = write("range.yaml", SYNTHETIC + """
        detectors:
          - type: dense_autoencoder
            hidden_layers: [2]
            learning_rate: -0.1
        """);
    assertUserError(ad("validate", spec.toString()), "range.yaml:13:5:", "'learning_rate'",
        "must be a finite number > 0, got -0.1");

    Files.writeString(spec, SYNTHETIC + """
        detectors:
          - type: dense_autoencoder
            hidden_layers: [2]
            validation_split: 1.5
        """);
    assertUserError(ad("validate", spec.toString()), "range.yaml:13:5:", "'validation_split'",
        "must be in [0.0, 1.0), got 1.5");

    Files.writeString(spec, SYNTHETIC + """
        detectors:
          - type: isolation_forest
            max_samples: 64
            subsample: 0.5
        """);
    assertUserError(ad("validate", spec.toString()), "range.yaml:12:5:",
        "'max_samples' cannot be combined with 'subsample'");
  }

  // ---------------------------------------------------------------- the data

  @Test
  void missingDataFileNamesTheFileAndWhereItLooked() throws IOException {
    Outcome o = runCsv("nope.csv");
    assertDatasetRefused(o, "data file 'nope.csv' (path) not found: looked for " + temp.resolve("nope.csv"),
        "relative paths are read from the data root " + temp);
  }

  @Test
  void unreadableDataFileNamesTheFile() throws IOException {
    // A gzip file cut short: it exists, but cannot be read to its end.
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(csv(40, 5).getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = zipped.toByteArray();
    Files.write(temp.resolve("cut.csv.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Outcome o = runCsv("cut.csv.gz");
    assertDatasetRefused(o, "cut.csv.gz:", "cannot read the file: it ends unexpectedly (a truncated gzip file?)");

    // A folder where a file should be.
    Files.createDirectories(temp.resolve("folder.csv"));
    assertDatasetRefused(runCsv("folder.csv"), "data file 'folder.csv' (path)", "is a folder, not a file");
  }

  @Test
  void missingLabelColumnListsTheColumns() throws IOException {
    write("data.csv", csv(40, 5).replace("a,b,label", "a,b,class"));
    assertDatasetRefused(runCsv("data.csv"), "data.csv: no label column 'label' (label_column); the columns are "
        + "[a, b, class]");
  }

  @Test
  void nonNumericCellNamesLineAndColumn() throws IOException {
    write("data.csv", replaceLine(csv(40, 5), 4, "0.5,abc,0"));
    assertDatasetRefused(runCsv("data.csv"), "data.csv:4: column 'b' expected a number, got 'abc'");
  }

  @Test
  void nanCellNamesLineAndColumn() throws IOException {
    write("data.csv", replaceLine(csv(40, 5), 7, "NaN,0.5,0"));
    assertDatasetRefused(runCsv("data.csv"), "data.csv:7: column 'a' expected a number, got 'NaN'");
  }

  @Test
  void infiniteCellNamesLineAndColumn() throws IOException {
    write("data.csv", replaceLine(csv(40, 5), 9, "0.5,Infinity,0"));
    assertDatasetRefused(runCsv("data.csv"), "data.csv:9: column 'b' expected a number, got 'Infinity'");

    write("data.csv", replaceLine(csv(40, 5), 9, "0.5,1e999,0"));
    assertDatasetRefused(runCsv("data.csv"), "data.csv:9: column 'b' expected a number, got '1e999' "
        + "(outside the range of a 32-bit float)");
  }

  @Test
  void raggedRowNamesTheLineAndBothWidths() throws IOException {
    write("data.csv", replaceLine(csv(40, 5), 6, "0.5,0.5"));
    assertDatasetRefused(runCsv("data.csv"), "data.csv:6: expected 3 comma-separated fields like the header, got 2");
  }

  @Test
  void emptyDatasetIsNamed() throws IOException {
    write("data.csv", "a,b,label\n");
    assertDatasetRefused(runCsv("data.csv"), "data.csv: no data rows after the header");

    write("data.csv", "");
    assertDatasetRefused(runCsv("data.csv"), "data.csv: the file is empty (expected a header row)");
  }

  @Test
  void trainingDataWithoutNormalRowsIsNamed() throws IOException {
    write("data.csv", csv(0, 30));
    assertCellFailed(runCsv("data.csv"), "dataset 'd' has no normal rows to train on");
  }

  @Test
  void singleClassTestSetLeavesRankingMetricsEmptyAndTheRunGoesOn() throws IOException {
    write("data.csv", csv(50, 0));
    Path spec = write("single.yaml", csvSpec("data.csv", """
          - {name: ae, type: dense_autoencoder, hidden_layers: [2], epochs: 2, batch_size: 8}
        """, ""));
    Path out = temp.resolve("out");
    Outcome o = ad("run", spec.toString(), "--out", out.toString(), "--data-root", temp.toString());
    assertEquals(0, o.status(), o.err());
    assertNoStackTrace(o);
    assertTrue(o.err().contains("warning: test set of 'd' has a single class: ranking metrics undefined"), o.err());
    List<String> rows = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(2, rows.size(), rows.toString());
    List<String> header = List.of(rows.get(0).split(",", -1));
    List<String> row = List.of(rows.get(1).split(",", -1));
    assertEquals("ok", row.get(header.indexOf("status")));
    assertEquals("0", row.get(header.indexOf("test_anomalies")));
    assertEquals("", row.get(header.indexOf("roc_auc")), "roc_auc is undefined, left empty");
    assertEquals("", row.get(header.indexOf("pr_auc")), "pr_auc is undefined, left empty");
    assertFalse(row.get(header.indexOf("fp")).isEmpty(), "threshold counts are still recorded");
  }

  // ---------------------------------------------------------------- scoring with a saved model

  @Test
  void scoringRowsWithOtherFeaturesNamesBothShapes() throws IOException {
    Path model = trainAndSave("data.csv", csv(40, 5));
    write("new.csv", "a,label\n0.1,0\n0.2,1\n");
    Outcome o = ad("score", "--model", model.toString(), "--input", temp.resolve("new.csv").toString());
    assertUserError(o, "new.csv", "the model needs column 'b'", "2 features", "[2]", "a, b",
        "the input has 2 columns: a, label");
  }

  @Test
  void scoringCategoricalRowsCountsCategoriesUnseenInTraining() throws IOException {
    Path model = trainCategorical();
    // Columns in another order, the label kept (ignored), 'gre' and 'S0' never seen in training.
    write("new.csv", """
        id,flag,label,b,proto,a
        r1,SF,0,1.1,tcp,0.2
        r2,S0,1,1.0,gre,0.1
        r3,REJ,0,1.2,udp,0.3
        r4,SF,1,-5,gre,5
        """);
    Path scored = temp.resolve("scored.csv");
    Outcome o = ad("score", "--model", model.toString(), "--input", temp.resolve("new.csv").toString(), "--out",
        scored.toString(), "--id-column", "id", "--batch", "3");
    assertEquals(0, o.status(), o.err());
    assertTrue(o.err().contains("scored 4 rows ("), o.err());
    assertTrue(o.err().contains("rows with a category unseen in training (encoded as all zeros): proto 2, flag 1"),
        o.err());
    List<String> lines = Files.readAllLines(scored);
    assertEquals("id,score,anomalous,unseen_categories", lines.get(0));
    assertEquals(List.of("r1", "r2", "r3", "r4"), lines.stream().skip(1).map(l -> l.split(",")[0]).toList());
    assertEquals(List.of("0", "2", "0", "1"), lines.stream().skip(1).map(l -> l.split(",")[3]).toList());
    assertEquals("1", lines.get(4).split(",")[2], "the far row is flagged");
  }

  @Test
  void scoringRowsWithoutACategoricalColumnNamesTheColumnAndTheFile() throws IOException {
    Path model = trainCategorical();
    write("new.csv", "a,b,proto,label\n0.1,1.0,tcp,0\n");
    Outcome o = ad("score", "--model", model.toString(), "--input", temp.resolve("new.csv").toString());
    assertUserError(o, temp.resolve("new.csv") + ": the model needs categorical column 'flag', which the header "
        + "lacks", "2 categorical columns (proto, flag)", "the input has 4 columns: a, b, proto, label");
  }

  /**
   * Trains test_centroid with {@code save_models} on a CSV whose columns proto and flag are
   * categorical (and note dropped), and returns the saved model, which the run must write.
   */
  private Path trainCategorical() throws IOException {
    StringBuilder csv = new StringBuilder("a,proto,note,b,flag,label\n");
    for (int i = 0; i < 60; i++) {
      boolean anomalous = i % 10 == 9;
      csv.append(anomalous ? 5 : (i % 7) / 10.0).append(',').append(i % 3 == 0 ? "udp" : "tcp").append(",n")
          .append(i).append(',').append(anomalous ? -5 : 1 + (i % 5) / 10.0).append(',')
          .append(i % 4 == 0 ? "REJ" : "SF").append(',').append(anomalous ? 1 : 0).append('\n');
    }
    write("cat.csv", csv.toString());
    Path spec = write("cat.yaml", csvSpec("cat.csv\n    drop: [note]\n    categorical: [proto, flag]",
        "  - test_centroid\n", "save_models: true\n"));
    Path out = temp.resolve("saved");
    Outcome o = ad("run", spec.toString(), "--out", out.toString(), "--data-root", temp.toString());
    assertEquals(0, o.status(), o.err());
    assertFalse(o.err().contains("cannot be saved"), o.err());
    return only(out.resolve("models"));
  }

  @Test
  void scoringImagesOfAnotherShapeNamesBothShapes() throws IOException {
    // Trained on 3x3 images: features px_0_0 .. px_2_2, sample shape [3, 3, 1].
    writeIdx("train", 3, 3, 12);
    Path spec = write("images.yaml", """
        name: images
        seeds: [1]
        charts: false
        save_models: true
        datasets:
          - name: img
            type: idx_images
            images: train-images.idx
            labels: train-labels.idx
            normal_classes: [0]
        detectors: [test_centroid]
        """);
    Path out = temp.resolve("out");
    Outcome run = ad("run", spec.toString(), "--out", out.toString(), "--data-root", temp.toString());
    assertEquals(0, run.status(), run.err());
    Path model = only(out.resolve("models"));
    // New rows of 2x2 images.
    write("small.csv", "px_0_0,px_0_1,px_1_0,px_1_1\n0.1,0.2,0.3,0.4\n");
    Outcome o = ad("score", "--model", model.toString(), "--input", temp.resolve("small.csv").toString());
    assertUserError(o, "small.csv", "the model needs column 'px_0_2'", "9 features", "[3, 3, 1]",
        "the input has 4 columns: px_0_0, px_0_1, px_1_0, px_1_1");
  }

  @Test
  void scoringIdxImagesStreamsThemInBatches() throws IOException {
    Path model = trainImageModel();
    // 10 new 3x3 images, gzip, scored 4 at a time: rows 4 and 8 are the bright (anomalous) ones.
    writeIdx("new", 3, 3, 10);
    Path images = temp.resolve("new-images.idx.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(images))) {
      gz.write(Files.readAllBytes(temp.resolve("new-images.idx")));
    }
    Path scored = temp.resolve("scored.csv");
    Outcome o = ad("score", "--model", model.toString(), "--input", images.toString(), "--out", scored.toString(),
        "--batch", "4");
    assertEquals(0, o.status(), o.err());
    assertTrue(o.err().contains("scored 10 rows (2 flagged"), o.err());
    List<String> lines = Files.readAllLines(scored);
    assertEquals("row,score,anomalous", lines.get(0), "test_centroid cannot explain: no top-k columns");
    assertEquals(11, lines.size(), lines.toString());
    for (int i = 1; i <= 10; i++) {
      String[] cells = lines.get(i).split(",");
      assertEquals(Integer.toString(i), cells[0], "1-based image index");
      assertEquals(i % 4 == 0 ? "1" : "0", cells[2], lines.get(i));
    }
    // The plain file scores the same.
    Path plain = temp.resolve("plain.csv");
    assertEquals(0, ad("score", "--model", model.toString(), "--input", temp.resolve("new-images.idx").toString(),
        "--out", plain.toString()).status());
    assertEquals(lines, Files.readAllLines(plain));
  }

  @Test
  void scoringIdxImagesOfAnotherSizeNamesBothShapes() throws IOException {
    Path model = trainImageModel();
    writeIdx("big", 4, 5, 3);
    Path images = temp.resolve("big-images.idx");
    Outcome o = ad("score", "--model", model.toString(), "--input", images.toString());
    assertUserError(o, "the model expects 3x3x1 images but '" + images + "' holds 4x5 images");

    // Cut short: the header promises 3 images.
    writeIdx("cut", 3, 3, 3);
    Path cut = temp.resolve("cut-images.idx");
    Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(cut), 16 + 9 * 2 + 4));
    assertUserError(ad("score", "--model", model.toString(), "--input", cut.toString()), cut
        + ": the file ends at image 3 of 3 (truncated?)");
  }

  /** Trains test_centroid on 3x3 IDX images (normal class 0) and returns the saved model. */
  private Path trainImageModel() throws IOException {
    writeIdx("train", 3, 3, 12);
    Path spec = write("images.yaml", """
        name: images
        seeds: [1]
        charts: false
        save_models: true
        datasets:
          - name: img
            type: idx_images
            images: train-images.idx
            labels: train-labels.idx
            normal_classes: [0]
        detectors: [test_centroid]
        """);
    Path out = temp.resolve("out");
    Outcome run = ad("run", spec.toString(), "--out", out.toString(), "--data-root", temp.toString());
    assertEquals(0, run.status(), run.err());
    return only(out.resolve("models"));
  }

  @Test
  void corruptOrTamperedModelFileIsRefusedBeforeUse() throws IOException {
    Path model = trainAndSave("data.csv", csv(40, 5));
    write("new.csv", "a,b\n0.1,0.2\n");
    String input = temp.resolve("new.csv").toString();
    assertEquals(0, ad("score", "--model", model.toString(), "--input", input).status(), "the good file scores");

    Path tampered = rewrite(model, "tampered.adp", (name, content) -> {
      if (name.startsWith("state/model/")) {
        byte[] c = content.clone();
        c[0] ^= 0x40;
        return c;
      }
      return content;
    });
    assertUserError(ad("score", "--model", tampered.toString(), "--input", input), "tampered.adp is corrupt: "
        + "the checksum of entry 'state/model/", "does not match its manifest");

    Path truncated = temp.resolve("truncated.adp");
    byte[] bytes = Files.readAllBytes(model);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertUserError(ad("score", "--model", truncated.toString(), "--input", input),
        "truncated.adp is not an ad model file, or it is truncated");

    // A manifest edited by hand (its shape no longer holds its features): the manifest's own
    // checksum catches it before anything is read from it.
    Path reshaped = rewrite(model, "reshaped.adp", (name, content) -> name.equals("manifest.json")
        ? new String(content, StandardCharsets.UTF_8).replaceFirst("\"sample_shape\" : \\[ 2 \\]",
            "\"sample_shape\" : [ 3 ]").getBytes(StandardCharsets.UTF_8) : content);
    assertUserError(ad("score", "--model", reshaped.toString(), "--input", input), "reshaped.adp is corrupt",
        "its manifest does not match its checksum");
  }

  // ---------------------------------------------------------------- the output folder

  @Test
  void outputFolderThatCannotBeWrittenIsAUserError() throws IOException {
    Path spec = write("tiny.yaml", tinySpec());
    Path file = write("a-file", "not a folder\n");
    Outcome under = ad("run", spec.toString(), "--out", file.resolve("sub").toString());
    assertUserError(under, "cannot use output folder " + file.resolve("sub"), file + " is a file, not a folder");

    Outcome onto = ad("run", spec.toString(), "--out", file.toString());
    assertUserError(onto, "output folder " + file + " exists and is not a folder");
    assertEquals("not a folder\n", Files.readString(file), "the file is left alone");
  }

  @Test
  void twoRunsCannotShareAnOutputFolder() throws Exception {
    Path spec = write("tiny.yaml", tinySpec());
    Path out = temp.resolve("out");
    Files.createDirectories(out);

    // Held by this process (as by a run in another thread) ...
    try (FileChannel channel = FileChannel.open(out.resolve(".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
      Outcome o = ad("run", spec.toString(), "--out", out.toString());
      assertUserError(o, "output folder " + out + " is in use by another ad run", "--out");
    }
    assertFalse(Files.exists(out.resolve("results.csv")), "the refused run wrote nothing");

    // ... and by another process.
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), UserErrorsTest.class.getName(),
        out.resolve(".lock").toString()).redirectErrorStream(true).start();
    try {
      String ready = new String(holder.getInputStream().readNBytes(7), StandardCharsets.US_ASCII);
      assertEquals("locked\n", ready);
      Outcome o = ad("run", spec.toString(), "--out", out.toString());
      assertUserError(o, "output folder " + out + " is in use by another ad run");
      assertFalse(Files.exists(out.resolve("results.csv")), "the refused run wrote nothing");
    } finally {
      holder.destroy();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
    // Once the other run is gone, the folder is free again.
    Outcome o = ad("run", spec.toString(), "--out", out.toString());
    assertEquals(0, o.status(), o.err());
  }

  /** Holds an exclusive lock on the file named by {@code args[0]} until killed (for the test above). */
  public static void main(String[] args) throws Exception {
    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
      System.out.print("locked\n");
      System.out.flush();
      Thread.sleep(60_000);
    }
  }

  // ---------------------------------------------------------------- security

  @Test
  void yamlTagsAndClassKeysNeverInstantiateAnything() throws IOException {
    Path marker = temp.resolve("pwned");
    Path spec = write("tags.yaml", SYNTHETIC.replace("name: bad", "name: !!java.io.FileOutputStream ["
        + marker + "]") + "detectors: [test_centroid]\n");
    Outcome o = ad("validate", spec.toString());
    assertUserError(o, "tags.yaml:1:7: the YAML tag '!!java.io.FileOutputStream' is not allowed",
        "no class is ever created");
    assertFalse(Files.exists(marker), "no class was instantiated");

    Files.writeString(spec, SYNTHETIC + """
        detectors:
          - type: test_centroid
            tag: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://localhost/"]]]]
        """);
    assertUserError(ad("validate", spec.toString()), "tags.yaml:12:", "'!!javax.script.ScriptEngineManager' is not "
        + "allowed");

    // A tag on a value that would otherwise be read as text is refused too, not silently dropped.
    Files.writeString(spec, "description: !!java.io.File /etc/passwd\n" + SYNTHETIC + "detectors: [test_centroid]\n");
    assertUserError(ad("validate", spec.toString()), "tags.yaml:1:14: the YAML tag '!!java.io.File' is not allowed");
    Files.writeString(spec, "description: !local text\n" + SYNTHETIC + "detectors: [test_centroid]\n");
    assertUserError(ad("validate", spec.toString()), "tags.yaml:1:14: the YAML tag 'local' is not allowed");

    Files.writeString(spec, SYNTHETIC + """
        detectors:
          - type: test_centroid
            "@class": java.lang.ProcessBuilder
        """);
    assertUserError(ad("validate", spec.toString()), "tags.yaml:12:5: unknown key '@class'");

    Files.writeString(spec, "\"@class\": java.lang.Runtime\n" + SYNTHETIC + "detectors: [test_centroid]\n");
    assertUserError(ad("validate", spec.toString()), "tags.yaml:1:1: unknown key '@class'");
  }

  @Test
  void namesWithPathCharactersNeverWriteOutsideTheOutputFolder() throws IOException {
    for (String badName : List.of("../escape", "a/b", "..", "/etc")) {
      Path spec = write("names.yaml", SYNTHETIC.replace("  - name: g", "  - name: \"" + badName + "\"")
          + "detectors: [test_centroid]\n");
      assertUserError(ad("validate", spec.toString()), "names.yaml:4:", "'name' must be letters, digits");
      Files.writeString(spec, SYNTHETIC + "detectors:\n  - {type: test_centroid, name: \"" + badName + "\"}\n");
      assertUserError(ad("validate", spec.toString()), "names.yaml:11:", "'name' must be letters, digits");
      Files.writeString(spec, SYNTHETIC.replace("name: bad", "name: \"" + badName + "\"")
          + "detectors: [test_centroid]\n");
      assertUserError(ad("validate", spec.toString()), "names.yaml:1:", "'name' must be letters, digits");
    }

    // Grid variants are named after their values, which may hold anything: file names are sanitised.
    Path root = temp.resolve("root");
    Path out = root.resolve("out");
    Files.createDirectories(root);
    Path spec = write("root/grid.yaml", SYNTHETIC.replace("charts: false", "charts: true") + """
        save_models: true
        thresholders:
          - {type: mean_std, k: 3}
          - {type: percentile, q: 99, name: p99}
        detectors:
          - type: test_centroid
            grid: {tag: ["../../../escape", "/tmp/abs", "a\\\\b"]}
        """);
    Set<Path> before = listing(temp);
    Outcome o = ad("run", spec.toString(), "--out", out.toString());
    assertEquals(0, o.status(), o.err());
    Set<Path> created = new TreeSet<>(listing(temp));
    created.removeAll(before);
    List<Path> outside = created.stream().filter(p -> !p.startsWith(out)).toList();
    assertEquals(List.of(), outside, "files written outside " + out);
    assertTrue(created.stream().anyMatch(p -> p.startsWith(out.resolve("models"))), "models were saved");
    assertTrue(created.stream().anyMatch(p -> p.startsWith(out.resolve("charts"))), "charts were drawn");
  }

  // ---------------------------------------------------------------- helpers

  /** A synthetic dataset and nothing else yet; the detectors follow (line 10 onwards). */
  private static final String SYNTHETIC = """
      name: bad
      seeds: [1]
      datasets:
        - name: g
          type: synthetic
          dimensions: 3
          normal: {count: 40}
          anomalies: {count: 4, mean: 4}
      charts: false
      """;

  private static String tinySpec() {
    return SYNTHETIC + "detectors: [test_centroid]\n";
  }

  static Outcome ad(String... args) {
    return CommandLineTest.ad(args);
  }

  private Path write(String name, String content) throws IOException {
    Path file = temp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  /** {@code normal} rows labelled 0 then {@code anomalies} labelled 1, columns a, b, label. */
  static String csv(int normal, int anomalies) {
    StringBuilder s = new StringBuilder("a,b,label\n");
    for (int i = 0; i < normal + anomalies; i++) {
      boolean anomalous = i >= normal;
      double a = (anomalous ? 5 : 0) + (i % 7) / 10.0;
      double b = (anomalous ? -5 : 1) + (i % 5) / 10.0;
      s.append(a).append(',').append(b).append(',').append(anomalous ? 1 : 0).append('\n');
    }
    return s.toString();
  }

  /** {@code text} with its 1-based line {@code line} replaced. */
  private static String replaceLine(String text, int line, String replacement) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.set(line - 1, replacement);
    return String.join("\n", lines);
  }

  static String csvSpec(String path, String detectors, String extra) {
    return """
        name: bad-data
        seeds: [1]
        charts: false
        datasets:
          - name: d
            type: csv
            path: %s
        detectors:
        %s%s""".formatted(path, detectors, extra);
  }

  /** Runs one test_centroid cell on the CSV dataset {@code path} (relative to the temp folder). */
  private Outcome runCsv(String path) throws IOException {
    Path spec = write("data.yaml", csvSpec(path, "  - test_centroid\n", ""));
    return ad("run", spec.toString(), "--out", temp.resolve("out").toString(), "--data-root", temp.toString(),
        "--fresh");
  }

  /** Runs with save_models and returns the one model file written. */
  private Path trainAndSave(String name, String content) throws IOException {
    return trainAndSave(temp, name, content);
  }

  /** Writes {@code content} as {@code dir/name}, runs test_centroid on it with save_models and returns the model. */
  static Path trainAndSave(Path dir, String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
    Path spec = Files.writeString(dir.resolve("save.yaml"), csvSpec(name, "  - test_centroid\n",
        "save_models: true\n"));
    Path out = dir.resolve("saved");
    Outcome o = ad("run", spec.toString(), "--out", out.toString(), "--data-root", dir.toString());
    assertEquals(0, o.status(), o.err());
    return only(out.resolve("models"));
  }

  static Path only(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }

  private static Set<Path> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Exit 2, every expected fragment on stderr, no stack trace, nothing on stdout. */
  static void assertUserError(Outcome o, String... expected) {
    assertEquals(2, o.status(), "exit status; stderr: " + o.err());
    for (String e : expected) {
      assertTrue(o.err().contains(e), "expected '" + e + "' in: " + o.err());
    }
    // One line: 'ad run' may have announced itself on the line before.
    List<String> lines = o.err().strip().lines().toList();
    assertTrue(lines.get(lines.size() - 1).startsWith("error: "), o.err());
    assertEquals(1, lines.stream().filter(l -> l.contains("error")).count(), "one error line: " + o.err());
    assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(0).startsWith("ad run: "), o.err());
    assertEquals("", o.out(), "nothing on stdout");
    assertNoStackTrace(o);
  }

  /**
   * A dataset that cannot be loaded stops the run before any cell (exit 2), with the located message
   * on stderr and no results written.
   */
  private void assertDatasetRefused(Outcome o, String... expected) {
    List<String> fragments = new ArrayList<>(List.of(expected));
    fragments.add("dataset 'd' cannot be loaded, so no cell was run: ");
    assertUserError(o, fragments.toArray(new String[0]));
    assertFalse(Files.exists(temp.resolve("out/results.csv")), "no results for a run that did not start");
  }

  /**
   * A cell whose data cannot be split as the protocol needs fails (exit 1), each recording the located message in
   * results.csv's error column, which stderr shows too.
   */
  private void assertCellFailed(Outcome o, String... expected) throws IOException {
    assertEquals(1, o.status(), "exit status; stderr: " + o.err());
    assertNoStackTrace(o);
    String results = Files.readString(temp.resolve("out/results.csv"));
    for (String e : expected) {
      assertTrue(o.err().contains("FAILED: ") && o.err().contains(e), "expected '" + e + "' in: " + o.err());
      assertTrue(results.contains(e), "expected '" + e + "' in results.csv: " + results);
    }
    assertTrue(o.err().contains("their errors are in the 'error' column of results.csv"), o.err());
  }

  static void assertNoStackTrace(Outcome o) {
    assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
    assertFalse(o.err().contains("internal error"), o.err());
    assertFalse(o.err().contains("Exception"), "no exception class names: " + o.err());
  }

  /** Tiny IDX files {@code <prefix>-images.idx} / {@code -labels.idx}: class 1 every fourth image. */
  private void writeIdx(String prefix, int height, int width, int count) throws IOException {
    ByteArrayOutputStream images = new ByteArrayOutputStream();
    ByteArrayOutputStream labels = new ByteArrayOutputStream();
    try (DataOutputStream im = new DataOutputStream(images); DataOutputStream lb = new DataOutputStream(labels)) {
      im.writeInt(2051);
      im.writeInt(count);
      im.writeInt(height);
      im.writeInt(width);
      lb.writeInt(2049);
      lb.writeInt(count);
      for (int i = 0; i < count; i++) {
        int label = i % 4 == 3 ? 1 : 0;
        lb.writeByte(label);
        for (int p = 0; p < height * width; p++) {
          im.writeByte(label == 1 ? 250 : (i * 7 + p * 3) % 60);
        }
      }
    }
    Files.write(temp.resolve(prefix + "-images.idx"), images.toByteArray());
    Files.write(temp.resolve(prefix + "-labels.idx"), labels.toByteArray());
  }

  private Path rewrite(Path source, String name, BiFunction<String, byte[], byte[]> edit) throws IOException {
    Path target = temp.resolve(name);
    try (ZipFile in = new ZipFile(source.toFile());
        OutputStream file = Files.newOutputStream(target);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry e : Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(edit.apply(e.getName(), in.getInputStream(e).readAllBytes()));
      }
    }
    return target;
  }

  // ---------------------------------------------------------------- a detector for the tests

  /** Registers {@code test_centroid} (for the tests of this module only). */
  public static final class TestComponents implements ComponentProvider {
    @Override
    public List<ComponentType<?, ?>> components() {
      return List.of(ComponentType.of(Detector.class, "test_centroid",
          "tests only: squared distance to the training mean; can be saved", CentroidOptions.class,
          Centroid::new));
    }
  }

  /** @param tag any text: lets a grid name variants with arbitrary characters */
  public record CentroidOptions(Double weight, String tag) {
    public CentroidOptions {
      weight = Options.positive("weight", Options.orDefault(weight, 1.0));
      tag = Options.orDefault(tag, "");
    }
  }

  /** Scores by weighted squared distance to the training mean. */
  public record Centroid(CentroidOptions options) implements Detector {
    @Override
    public DetectorModel fit(Dataset train, long seed) {
      Detector.requireNormalOnly(train);
      float[] mean = new float[train.columns()];
      for (int i = 0; i < train.rows(); i++) {
        for (int j = 0; j < mean.length; j++) {
          mean[j] += train.value(i, j) / train.rows();
        }
      }
      return new Model(mean, options.weight());
    }

    @Override
    public DetectorModel load(StateReader in) {
      float[] mean = in.floats("mean");
      if (mean.length == 0) {
        throw in.corrupt("empty mean");
      }
      return new Model(mean, options.weight());
    }
  }

  record Model(float[] mean, double weight) implements DetectorModel {
    @Override
    public Scores score(Dataset data) {
      double[] s = new double[data.rows()];
      for (int i = 0; i < s.length; i++) {
        for (int j = 0; j < mean.length; j++) {
          double d = data.value(i, j) - mean[j];
          s[i] += weight * d * d;
        }
      }
      return new Scores(s);
    }

    @Override
    public boolean canSave() {
      return true;
    }

    @Override
    public void save(StateWriter out) {
      out.floats("mean", mean);
    }
  }
}
