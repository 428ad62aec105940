package ad.spark.grid;

import ad.eval.io.AtomicFiles;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file a cell wrote on an executor (a chart, a model, point scores), on its way to the driver's
 * output folder.
 *
 * @param path relative to the output folder, with {@code /} separators ({@code charts/roc-x.png})
 */
record ShippedFile(String path, byte[] content) implements Serializable {

  /** Every file under {@code folder}, read into memory. */
  static List<ShippedFile> collect(Path folder) {
    List<ShippedFile> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.add(new ShippedFile(folder.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"),
            Files.readAllBytes(f)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the files a cell wrote in " + folder, e);
    }
    return out;
  }

  /** Writes this file under {@code outputDirectory}, atomically. */
  void writeUnder(Path outputDirectory) {
    Path target = outputDirectory.resolve(path).normalize();
    if (!target.startsWith(outputDirectory.normalize())) {
      throw new IllegalStateException("a cell's file '" + path + "' points outside the output folder");
    }
    AtomicFiles.write(target, content);
  }
}
