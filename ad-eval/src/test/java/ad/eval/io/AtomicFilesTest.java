package ad.eval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void replacesContentAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("sub/results.csv");
    AtomicFiles.write(file, "old".getBytes());
    AtomicFiles.write(file, "new".getBytes());
    assertEquals("new", Files.readString(file));
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count());
    }
    assertTrue(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)
        || !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_READ),
        "results follow the umask, not owner-only");
  }

  @Test
  void aFailingWriterKeepsTheOldContent() throws IOException {
    Path file = dir.resolve("results.json");
    AtomicFiles.write(file, "finished work".getBytes());
    assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
      out.write("half".getBytes());
      throw new IllegalStateException("crash mid-write");
    }));
    assertEquals("finished work", Files.readString(file));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "the temporary file is removed");
    }
  }

  @Test
  void anUnwritableFolderIsAUserError() throws IOException {
    Path blocker = dir.resolve("not-a-folder");
    Files.writeString(blocker, "x");
    UserException e = assertThrows(UserException.class,
        () -> AtomicFiles.write(blocker.resolve("results.csv"), new byte[0]));
    assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
  }
}
