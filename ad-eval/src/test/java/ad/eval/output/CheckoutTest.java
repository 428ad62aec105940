package ad.eval.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json says whether the checkout had uncommitted changes, and "unknown" when it cannot tell. */
class CheckoutTest {
  @TempDir
  Path temp;

  @Test
  void aCleanCheckoutIsNotDirtyAndAChangedOneSaysWhatChanged() throws Exception {
    assumeTrue(git(temp, "init", "-q"), "git is not installed");
    Files.writeString(temp.resolve("a.txt"), "one\n");
    git(temp, "add", "a.txt");
    assumeTrue(git(temp, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first"));
    assertEquals(Map.of("git_dirty", false), Checkout.changes(Optional.of(temp)));
    assertEquals(40, Checkout.git(temp, "rev-parse", "HEAD").orElseThrow().trim().length());

    Files.writeString(temp.resolve("a.txt"), "two\n");
    Files.writeString(temp.resolve("new.java"), "class New {}\n");
    Map<String, Object> dirty = Checkout.changes(Optional.of(temp));
    assertEquals(true, dirty.get("git_dirty"));
    assertEquals(List.of(" M a.txt", "?? new.java"), dirty.get("git_changes"));
    assertEquals(2, dirty.get("git_changed_paths"));
  }

  @Test
  void noCheckoutNoGitOrNotARepositoryIsUnknownAndNeverAnError() {
    Map<String, Object> unknown = Map.of("git_dirty", "unknown");
    assertEquals(unknown, Checkout.changes(Optional.empty()));
    assertEquals(unknown, Checkout.changes(Optional.of(temp.resolve("missing"))));
    assertEquals(unknown, Checkout.changes(Optional.of(temp), "no-such-git-program"));
    // A folder that is no git checkout: git exits with an error.
    assumeTrue(git(temp, "--version"), "git is not installed");
    assertEquals(unknown, Checkout.changes(Optional.of(temp)));
  }

  private static boolean git(Path dir, String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(arguments));
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
