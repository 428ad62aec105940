package ad.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared data folder. In order: the system property {@code ad.data.dir}, the environment
 * variable {@code AD_DATA_DIR}, then {@code ../shared/data} next to the repository root, which is
 * found from the system property {@code ad.home} (set by the {@code ./ad} launcher) or by walking up
 * from the working directory to the folder that holds {@code experiments/} and {@code pom.xml}.
 */
public final class DataRoot {
  public static final String PROPERTY = "ad.data.dir";
  public static final String ENVIRONMENT = "AD_DATA_DIR";

  private DataRoot() {}

  public static Path resolve() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    String env = System.getenv(ENVIRONMENT);
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    return repositoryRoot().map(root -> root.resolve("../shared/data").normalize())
        .orElse(Path.of("../shared/data").toAbsolutePath().normalize());
  }

  /** The ad repository root, if the working directory (or {@code ad.home}) is inside one. */
  public static Optional<Path> repositoryRoot() {
    String home = System.getProperty("ad.home");
    if (home != null && !home.isBlank()) {
      return Optional.of(Path.of(home).toAbsolutePath().normalize());
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("experiments")) && Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("ad-core"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
