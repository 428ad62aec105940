package ad.core;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ad.core.data.DataContext;
import ad.core.data.DataRoot;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared data folder for tests that read real files in place. When it is missing, a test is
 * skipped with a message, except on CI (environment variable {@code CI=true}) where it fails: CI must
 * have the data.
 */
public final class RealData {
  private RealData() {}

  public static Path root() {
    Path root = DataRoot.resolve();
    if (!Files.isDirectory(root)) {
      String message = "data folder " + root + " not found (set " + DataRoot.ENVIRONMENT
          + " to the shared data folder); skipping the tests on real data";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    return root;
  }

  public static DataContext context() {
    return new DataContext(root(), root());
  }
}
