package ad.experiments;

import static ad.experiments.UserErrorsTest.ad;
import static ad.experiments.UserErrorsTest.assertNoStackTrace;
import static ad.experiments.UserErrorsTest.assertUserError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ad.experiments.CommandLineTest.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ad score}'s files (issue 14, cases 1 and 4): it never writes over its input or its model,
 * however the path is spelt, and it reads standard input and pipes, CSV, gzip and IDX images alike.
 */
class ScoreFilesTest {
  @TempDir
  Path temp;
  private Path model;
  private Path input;
  private byte[] inputBytes;
  private byte[] modelBytes;

  @BeforeEach
  void saveAModel() throws IOException {
    model = UserErrorsTest.trainAndSave(temp, "data.csv", UserErrorsTest.csv(40, 5));
    input = Files.writeString(temp.resolve("new.csv"), "a,b,label\n0.1,1.2,0\n5.2,-5,1\n0.3,1.1,0\n");
    inputBytes = Files.readAllBytes(input);
    modelBytes = Files.readAllBytes(model);
  }

  @Test
  void anOutputThatIsTheInputIsRefusedHoweverItIsSpelt() throws IOException {
    Path cwd = Path.of("").toAbsolutePath();
    String relative = cwd.relativize(input).toString();
    assertSame(input.toString(), input.toString(), "the same path");
    assertSame(relative, input.toString(), "the same path");
    assertSame("./" + relative, relative, "the same path");
    assertSame(temp.resolve("sub/../new.csv").toString(), input.toString(), "the same path");
    Path link = Files.createSymbolicLink(temp.resolve("link.csv"), input);
    assertSame(link.toString(), input.toString(), "through a symbolic link, both are " + input.toRealPath());
    Path folderLink = Files.createSymbolicLink(temp.resolve("folder"), temp);
    assertSame(folderLink.resolve("new.csv").toString(), input.toString(), "through a symbolic link");
    Path hard = Files.createLink(temp.resolve("hard.csv"), input);
    assertSame(hard.toString(), input.toString(), "a hard link to it");
    Path otherCase = temp.resolve("NEW.CSV");
    if (Files.exists(otherCase)) {
      // A case-insensitive file system (macOS, Windows): another case is the same file.
      assertSame(otherCase.toString(), input.toString(), "spelt in another case");
    }
    // The model file is an input too.
    Outcome o = ad("score", "--model", model.toString(), "--input", input.toString(), "--out", model.toString());
    assertUserError(o, "--out " + model + " is the same file as --model " + model + " (the same path): ad never "
        + "writes over its own input; choose another --out");
    assertUnchanged();
  }

  @Test
  void anOutputThatIsAFolderIsRefused() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("results"));
    Outcome o = ad("score", "--model", model.toString(), "--input", input.toString(), "--out", folder.toString());
    assertUserError(o, "--out " + folder + " is a folder; give the output file's name, e.g. --out "
        + folder.resolve("scored.csv"));
    assertTrue(Files.isDirectory(folder));
    assertUnchanged();
  }

  @Test
  void standardInputIsReadWithADash() throws IOException {
    Path scored = temp.resolve("scored.csv");
    Outcome o = withStdin(inputBytes, () -> ad("score", "--model", model.toString(), "--input", "-", "--out",
        scored.toString()));
    assertEquals(0, o.status(), o.err());
    assertTrue(o.err().contains("scored 3 rows (1 flagged"), o.err());
    List<String> lines = Files.readAllLines(scored);
    assertEquals(4, lines.size(), lines.toString());
    assertEquals(Files.readAllLines(scoreFile(input)), lines, "standard input scores as the file does");

    // Gzip on standard input, and standard output for '--out -'.
    Outcome gz = withStdin(gzip(inputBytes), () -> ad("score", "--model", model.toString(), "--input", "-", "--out",
        "-"));
    assertEquals(0, gz.status(), gz.err());
    assertEquals(String.join("\n", lines) + "\n", gz.out());

    Outcome empty = withStdin(new byte[0], () -> ad("score", "--model", model.toString(), "--input", "-"));
    assertUserError(empty, "standard input: the file is empty (expected a header row)");
  }

  @Test
  void aNamedPipeIsReadOnceAsItStreams() throws Exception {
    Path fifo = temp.resolve("rows.fifo");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
    // The writer blocks until ad opens the pipe: gzip, to also exercise the end of a gzip member on a pipe.
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(gzip(inputBytes));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Path scored = temp.resolve("scored.csv");
    Outcome o = ad("score", "--model", model.toString(), "--input", fifo.toString(), "--out", scored.toString());
    writer.get(30, TimeUnit.SECONDS);
    assertEquals(0, o.status(), o.err());
    assertEquals(Files.readAllLines(scoreFile(input)), Files.readAllLines(scored));
  }

  @Test
  void idxImagesOnStandardInputAreRecognisedAndScored() throws IOException {
    Path imageModel = trainImageModel();
    byte[] images = idx(5);
    Outcome o = withStdin(gzip(images), () -> ad("score", "--model", imageModel.toString(), "--input", "-"));
    assertEquals(0, o.status(), o.err());
    assertTrue(o.err().contains("scored 5 rows"), o.err());
    assertEquals("row,score,anomalous", o.out().lines().findFirst().orElseThrow());
    assertEquals(6, o.out().lines().count());
  }

  @Test
  void aMissingOrUnreadableInputIsNamedWithTheReason() throws IOException {
    Outcome missing = ad("score", "--model", model.toString(), "--input", temp.resolve("nope.csv").toString());
    assertUserError(missing, "input file not found: looked for " + temp.resolve("nope.csv"));
    Files.createDirectories(temp.resolve("rows"));
    assertUserError(ad("score", "--model", model.toString(), "--input", temp.resolve("rows").toString()),
        "input file is a folder, not a file: " + temp.resolve("rows"));
    assertUserError(ad("score", "--model", temp.toString(), "--input", input.toString()),
        "model file is a folder, not a file: " + temp);
    Path loop = temp.resolve("loop.adp");
    Files.createSymbolicLink(loop, loop);
    assertUserError(ad("score", "--model", loop.toString(), "--input", input.toString()),
        "model file cannot be read: a symbolic link loop (too many levels of symbolic links): " + loop);
    assertUnchanged();
  }

  /** Exit 2 for {@code --out out}, the message saying how it is the same file as {@code --input in}. */
  private void assertSame(String out, String in, String how) throws IOException {
    Outcome o = ad("score", "--model", model.toString(), "--input", in, "--out", out);
    assertUserError(o, "--out " + out + " is the same file as --input " + in + " (" + how,
        "ad never writes over its own input; choose another --out");
    assertUnchanged();
  }

  private void assertUnchanged() throws IOException {
    assertArrayEquals(inputBytes, Files.readAllBytes(input), "the input is unchanged");
    assertArrayEquals(modelBytes, Files.readAllBytes(model), "the model is unchanged");
    try (var files = Files.list(temp)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
  }

  private Path scoreFile(Path file) {
    Path scored = temp.resolve("reference.csv");
    Outcome o = ad("score", "--model", model.toString(), "--input", file.toString(), "--out", scored.toString());
    assertEquals(0, o.status(), o.err());
    assertNoStackTrace(o);
    return scored;
  }

  /** Runs {@code command} with {@code bytes} as standard input. */
  static Outcome withStdin(byte[] bytes, java.util.function.Supplier<Outcome> command) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(bytes));
    try {
      return command.get();
    } finally {
      System.setIn(saved);
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code count} 3x3 IDX images, every fourth one bright. */
  private static byte[] idx(int count) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(2051);
      out.writeInt(count);
      out.writeInt(3);
      out.writeInt(3);
      for (int i = 0; i < count; i++) {
        for (int p = 0; p < 9; p++) {
          out.writeByte(i % 4 == 3 ? 250 : (i * 7 + p * 3) % 60);
        }
      }
    }
    return bytes.toByteArray();
  }

  private Path trainImageModel() throws IOException {
    byte[] images = idx(12);
    ByteArrayOutputStream labels = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(labels)) {
      out.writeInt(2049);
      out.writeInt(12);
      for (int i = 0; i < 12; i++) {
        out.writeByte(i % 4 == 3 ? 1 : 0);
      }
    }
    Files.write(temp.resolve("train-images.idx"), images);
    Files.write(temp.resolve("train-labels.idx"), labels.toByteArray());
    Path spec = Files.writeString(temp.resolve("images.yaml"), """
        name: images
        seeds: [1]
        charts: false
        save_models: true
        datasets:
          - {name: img, type: idx_images, images: train-images.idx, labels: train-labels.idx, normal_classes: [0]}
        detectors: [test_centroid]
        """);
    Path out = temp.resolve("images-out");
    Outcome run = ad("run", spec.toString(), "--out", out.toString(), "--data-root", temp.toString());
    assertEquals(0, run.status(), run.err());
    return UserErrorsTest.only(out.resolve("models"));
  }
}
