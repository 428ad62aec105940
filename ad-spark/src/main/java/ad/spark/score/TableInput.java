package ad.spark.score;

import ad.core.UserException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a table to score: CSV (with a header; plain or compressed, e.g. {@code .csv.gz}) or Parquet,
 * one file or a folder of part files, at any URI Hadoop reads ({@code /local/path}, {@code file://},
 * {@code hdfs://}, {@code s3a://} with its connector on the class path). The format comes from the
 * file names unless given.
 *
 * <p>Reading CSV turns off Spark's CSV column pruning for the session
 * ({@code spark.sql.csv.parser.columnPruning.enabled}), so that every line's field count is checked.
 * CSV cells are read as text and parsed by the scorer, with ad's own number rules and messages
 * that name the row and column, rather than by a schema inferred in an extra pass over the data.
 */
public final class TableInput {
  /** The formats read. */
  public enum Format {
    CSV, PARQUET;

    /** The format named {@code name} (csv or parquet, any case). */
    public static Format parse(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UserException("unknown input format '" + name + "'; known: csv, parquet");
      }
    }
  }

  private TableInput() {}

  /**
   * The table at {@code path}.
   *
   * @param format the format, or null to tell it from the file names
   * @throws UserException when the path does not exist, holds no data file, or mixes formats
   */
  public static org.apache.spark.sql.Dataset<Row> read(SparkSession spark, String path, Format format) {
    Format chosen = format != null ? format : detect(spark, path);
    if (chosen == Format.CSV) {
      // With pruning, Spark's CSV parser reads only the selected fields and cannot tell a line with
      // more or fewer fields than the header; ad score refuses such lines, and so does this.
      spark.conf().set("spark.sql.csv.parser.columnPruning.enabled", "false");
    }
    return switch (chosen) {
      case PARQUET -> spark.read().parquet(path);
      // FAILFAST: a line with another number of fields than the header stops the job, as in ad score.
      case CSV -> spark.read().option("header", "true").option("mode", "FAILFAST").csv(path);
    };
  }

  /** The format of the file at {@code path}, or of the part files of the folder there. */
  static Format detect(SparkSession spark, String path) {
    List<String> names = new ArrayList<>();
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new UserException("input not found: " + path);
      }
      FileStatus status = fs.getFileStatus(p);
      if (status.isFile()) {
        names.add(p.getName());
      } else {
        for (FileStatus part : fs.listStatus(p)) {
          String name = part.getPath().getName();
          // Spark and Hadoop skip these too: _SUCCESS markers, .crc checksums, hidden files.
          if (part.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
            names.add(name);
          }
        }
        if (names.isEmpty()) {
          throw new UserException("input folder " + path + " holds no data files");
        }
      }
    } catch (IOException e) {
      throw new UserException("cannot read input " + path + ": " + e.getMessage());
    }
    Format found = null;
    for (String name : names) {
      Format f = formatOf(name);
      if (f == null || found != null && f != found) {
        throw new UserException("cannot tell the format of " + path + " from " + (f == null ? "the file name '"
            + name + "'" : "its files (both CSV and Parquet)") + ": name files *.parquet, *.csv or *.csv.gz, "
            + "or give --input-format csv|parquet");
      }
      found = f;
    }
    return found;
  }

  private static Format formatOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    for (String compression : List.of("", ".gz", ".bz2", ".deflate", ".lz4", ".snappy", ".zst")) {
      if (n.endsWith(".csv" + compression)) {
        return Format.CSV;
      }
    }
    return null;
  }
}
