package ad.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ad.core.UserException;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files named by a user: what the operating system says about them reaches the message in words, and no
 * spelling of a path hides that two paths are the same file.
 */
class FileChecksTest {
  @TempDir
  Path dir;

  @Test
  void reasonsAreWordsWithoutPathsOrExceptionNames() {
    assertEquals("permission denied", FileProblems.reason(new AccessDeniedException("/x/y.csv")));
    assertEquals("no such file or folder", FileProblems.reason(new NoSuchFileException("/x/y.csv")));
    assertEquals("file name too long", FileProblems.reason(new FileSystemException("/x/y", null,
        "File name too long")));
    assertEquals("a symbolic link loop (too many levels of symbolic links)", FileProblems.reason(
        new FileSystemException("/x/y", null, "Too many levels of symbolic links")));
    assertEquals("permission denied", FileProblems.reason(new FileNotFoundException("/x/y.csv (Permission denied)")));
    assertEquals("no space left on device", FileProblems.reason(new IOException("No space left on device")));
    assertEquals("it ends unexpectedly (a truncated file?)", FileProblems.reason(new EOFException()));
    assertEquals("an input/output error", FileProblems.reason(new FileSystemException("/only/a/path")));
  }

  @Test
  void everySpellingOfOneFileIsTheSameFile() throws IOException {
    Path file = Files.writeString(dir.resolve("x.csv"), "a,label\n1,0\n");
    Path relative = Path.of("").toAbsolutePath().relativize(file);
    assertEquals(Optional.of("the same path"), SameFile.how(file, relative));
    assertEquals(Optional.of("the same path"), SameFile.how(dir.resolve("./x.csv"), file));
    assertEquals(Optional.of("the same path"), SameFile.how(dir.resolve("sub/../x.csv"), file));
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), file);
    assertTrue(SameFile.how(link, file).orElseThrow().startsWith("through a symbolic link"));
    Path folderLink = Files.createSymbolicLink(dir.resolve("folder"), dir);
    assertTrue(SameFile.how(folderLink.resolve("x.csv"), file).orElseThrow().startsWith("through a symbolic link"));
    Path hard = Files.createLink(dir.resolve("hard.csv"), file);
    assertEquals(Optional.of("a hard link to it"), SameFile.how(hard, file));
    // A copy, or a file not written yet, is another file.
    Path copy = Files.copy(file, dir.resolve("copy.csv"));
    assertEquals(Optional.empty(), SameFile.how(copy, file));
    assertEquals(Optional.empty(), SameFile.how(dir.resolve("new.csv"), file));
    // On a case-insensitive file system (macOS, Windows), another case is the same file too.
    Path otherCase = dir.resolve("X.CSV");
    if (Files.exists(otherCase)) {
      assertEquals(Optional.of("spelt in another case on a case-insensitive file system"), SameFile.how(otherCase,
          file));
    } else {
      assertEquals(Optional.empty(), SameFile.how(otherCase, file));
    }
  }

  @Test
  void aMissingFileIsNamedWithWhereItWasLookedFor() {
    UserException e = refused("nope.csv");
    assertTrue(e.getMessage().startsWith("data file 'nope.csv' (path) not found: looked for " + dir.resolve("nope.csv")
        + "; relative paths are read from the data root " + dir), e.getMessage());
  }

  @Test
  void symbolicLinksToNothingAndInALoopAreNamedSo() throws IOException {
    Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("gone.csv"));
    assertEquals("data file 'dangling.csv' (path) is a symbolic link to " + dir.resolve("gone.csv")
        + ", which does not exist: " + dir.resolve("dangling.csv"), refused("dangling.csv").getMessage());

    Files.createSymbolicLink(dir.resolve("a.csv"), dir.resolve("b.csv"));
    Files.createSymbolicLink(dir.resolve("b.csv"), dir.resolve("a.csv"));
    assertEquals("data file 'a.csv' (path) cannot be read: a symbolic link loop (too many levels of symbolic "
        + "links): " + dir.resolve("a.csv"), refused("a.csv").getMessage());
  }

  @Test
  void aFolderAPipeAndANameTooLongAreNamedSo() throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("folder.csv"));
    assertEquals("data file 'folder.csv' (path) is a folder, not a file: " + dir.resolve("folder.csv"),
        refused("folder.csv").getMessage());

    String longName = "x".repeat(300) + ".csv";
    assertEquals("data file '" + longName + "' (path) cannot be read: file name too long: " + dir.resolve(longName),
        refused(longName).getMessage());

    Path fifo = dir.resolve("pipe.csv");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
    assertTrue(refused("pipe.csv").getMessage().startsWith("data file 'pipe.csv' (path) is not a regular file (a "
        + "named pipe, device or socket?): " + fifo + "; it is read more than once, so it must be a file"));
  }

  @Test
  void aFileWithoutReadPermissionIsNamedSo() throws IOException {
    Path file = Files.writeString(dir.resolve("secret.csv"), "a,label\n1,0\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
    // Root reads any file whatever its permission bits: nothing to refuse then.
    assumeFalse(Files.isReadable(file), "running as root: permission bits do not stop reads");
    assertEquals("data file 'secret.csv' (path) cannot be read: permission denied: " + file,
        refused("secret.csv").getMessage());
  }

  @Test
  void aDataFileTheCommandWritesIsRefused() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path results = Files.writeString(out.resolve("results.csv"), "a,label\n1,0\n");
    WrittenFiles written = new WrittenFiles(out, List.of("results.csv"), List.of("charts"), "--out");
    DataContext context = new DataContext(dir, dir, written);
    UserException e = assertThrows(UserException.class, () -> DataFiles.existing(context, "path", "out/results.csv"));
    assertEquals("data file 'out/results.csv' (path) would be overwritten by this run, which writes " + results
        + " (the same path): ad never writes over its own input; move the file or choose another output folder with "
        + "--out", e.getMessage());

    Path link = Files.createSymbolicLink(dir.resolve("data.csv"), results);
    assertTrue(assertThrows(UserException.class, () -> DataFiles.existing(context, "path", "data.csv")).getMessage()
        .contains("(through a symbolic link, both are " + results.toRealPath() + ")"));

    Path chart = Files.writeString(Files.createDirectories(out.resolve("charts")).resolve("x.csv"), "a\n");
    assertTrue(assertThrows(UserException.class, () -> DataFiles.existing(context, "path", "out/charts/x.csv"))
        .getMessage().contains("which writes the folder " + out.resolve("charts")));
    assertFalse(written.replacing(Files.writeString(dir.resolve("other.csv"), "a\n")).isPresent());
    assertTrue(Files.exists(chart) && Files.exists(results), "nothing was touched");
  }

  private UserException refused(String path) {
    return assertThrows(UserException.class, () -> DataFiles.existing(new DataContext(dir, dir), "path", path));
  }

  private static void assumeFalse(boolean condition, String reason) {
    assumeTrue(!condition, reason);
  }
}
