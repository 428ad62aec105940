package ad.spark.score;

import ad.core.UserException;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * Writes scored rows as a Parquet folder, all or nothing: the job writes a hidden sibling folder,
 * which is renamed to the output only once every part is committed, so a failed or interrupted job
 * leaves no half-written output where a reader would take it for a result. An existing output is
 * never replaced, and the output may not be the input or lie inside it (nor the input inside it).
 */
public final class ParquetOutput {
  private ParquetOutput() {}

  /**
   * Writes {@code rows} to the folder {@code out}.
   *
   * @param input the input's path, which the output must not touch
   * @throws UserException when {@code out} exists or overlaps the input
   */
  public static void write(org.apache.spark.sql.Dataset<Row> rows, String out, String input) {
    Configuration conf = rows.sparkSession().sparkContext().hadoopConfiguration();
    Path target;
    Path staging;
    FileSystem fs;
    try {
      Path outPath = new Path(out);
      fs = outPath.getFileSystem(conf);
      target = fs.makeQualified(outPath);
      refuseOverlap(target, input, conf);
      if (fs.exists(target)) {
        throw new UserException("--out " + out + " already exists; ad never replaces an output: remove it or "
            + "choose another folder");
      }
      Path parent = target.getParent();
      if (parent != null && !fs.exists(parent)) {
        fs.mkdirs(parent);
      }
      staging = new Path(parent, "." + target.getName() + ".ad-tmp-" + UUID.randomUUID());
    } catch (IOException e) {
      throw new UserException("cannot write to " + out + ": " + e.getMessage());
    }
    boolean done = false;
    try {
      rows.write().parquet(staging.toString());
      if (!fs.rename(staging, target)) {
        throw new UserException("cannot move the finished output from " + staging + " to " + out
            + " (did another job create it meanwhile?)");
      }
      done = true;
    } catch (IOException e) {
      throw new UserException("cannot write to " + out + ": " + e.getMessage());
    } finally {
      if (!done) {
        try {
          fs.delete(staging, true);
        } catch (IOException ignored) {
          // The staging folder is hidden; what matters is the original failure.
        }
      }
    }
  }

  private static void refuseOverlap(Path target, String input, Configuration conf) throws IOException {
    Path in = new Path(input);
    Path source = in.getFileSystem(conf).makeQualified(in);
    String t = target.toUri().normalize().toString();
    String s = source.toUri().normalize().toString();
    if (t.equals(s) || t.startsWith(s + "/") || s.startsWith(t + "/")) {
      throw new UserException("--out " + target + " overlaps the input " + input + ": ad never writes over or "
          + "inside what it reads; choose another folder");
    }
  }
}
