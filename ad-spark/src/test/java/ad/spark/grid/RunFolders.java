package ad.spark.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Test data and comparisons of run folders, for the grid tests here and on the cluster. */
public final class RunFolders {
  private RunFolders() {}

  /** Two series of 300 points, a sine wave with a labelled burst of noise at points 200-219. */
  public static void writeWaves(Path folder) throws IOException {
    for (String name : List.of("s1.csv", "s2.csv")) {
      StringBuilder csv = new StringBuilder("timestamp,value,label\n");
      Random random = new Random(name.hashCode());
      for (int t = 0; t < 300; t++) {
        boolean anomalous = t >= 200 && t < 220;
        double v = Math.sin(t / 5.0) + (anomalous ? 3 * random.nextGaussian() : 0.05 * random.nextGaussian());
        csv.append(t).append(',').append(v).append(',').append(anomalous ? 1 : 0).append('\n');
      }
      Files.writeString(folder.resolve(name), csv);
    }
  }

  /** The file names in {@code root/folder}, sorted (none when there is no such folder). */
  public static List<String> files(Path root, String folder) throws IOException {
    if (!Files.isDirectory(root.resolve(folder))) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(root.resolve(folder))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** results.csv without its two timing columns (the last two). */
  public static List<String> withoutTimings(Path csv) throws IOException {
    return Files.readAllLines(csv).stream()
        .map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)))
        .toList();
  }
}
