package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted {@code ad score} (issue 14, case 8) leaves no temporary file behind and says so: a real
 * JVM scores rows arriving through a named pipe, and is sent SIGINT (Ctrl-C) or SIGTERM while its output
 * is half written.
 */
class InterruptedScoreTest {
  @TempDir
  Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void anInterruptedScoringRemovesItsTemporaryFileAndSaysSo(String signal) throws Exception {
    Path fifo = temp.resolve("rows.fifo");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
    Path model = UserErrorsTest.trainAndSave(temp, "data.csv", UserErrorsTest.csv(40, 5));
    Path out = temp.resolve("scored.csv");
    Files.writeString(out, "the previous scores\n");
    Process ad = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "score", "--model", model.toString(), "--input",
        fifo.toString(), "--out", out.toString(), "--batch", "100").redirectErrorStream(true).start();
    try (OutputStream rows = Files.newOutputStream(fifo)) {
      // More rows than one batch, so that the temporary file has content; then the pipe stays open, and
      // ad waits for more.
      StringBuilder csv = new StringBuilder("a,b\n");
      for (int i = 0; i < 20_000; i++) {
        csv.append(i % 7 / 10.0).append(',').append(1 + i % 5 / 10.0).append('\n');
      }
      rows.write(csv.toString().getBytes(StandardCharsets.UTF_8));
      rows.flush();
      Path temporary = awaitTemporaryFile(temp, 60);
      assertTrue(Files.size(temporary) > 0 || Files.exists(temporary), temporary.toString());
      assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(ad.pid())).start().waitFor());
      assertTrue(ad.waitFor(60, TimeUnit.SECONDS), "ad stopped");
    } catch (IOException e) {
      // The pipe closes under the writer when ad stops: expected.
    }
    String output = new String(ad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(signal.equals("INT") ? 130 : 143, ad.exitValue(), output);
    assertTrue(output.contains("interrupted: removed the unfinished temporary file " + temp.toRealPath()) 
        || output.contains("interrupted: removed the unfinished temporary file " + temp), output);
    assertTrue(output.contains(out + " was left as it was"), output);
    assertEquals(List.of(), temporaryFiles(temp), "no temporary file is left");
    assertEquals("the previous scores\n", Files.readString(out), "the output is as it was");
  }

  private static Path awaitTemporaryFile(Path dir, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<Path> found = temporaryFiles(dir);
      if (!found.isEmpty() && Files.size(found.get(0)) > 0) {
        return found.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no temporary output appeared in " + dir);
  }

  private static List<Path> temporaryFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
