package ad.eval.output;

import ad.core.series.PointSeries;
import ad.eval.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code points/<cell>.csv} ({@code save_point_scores: true}): the point scores a series cell's
 * metrics counted, one line per evaluated point: {@code file,row,label,score}, with {@code row} the
 * point's 1-based data row in its file, as {@code ad score} numbers rows, so that scoring a file with
 * its saved pipeline can be checked against the run line by line. Scores are written with
 * {@link Double#toString}, which reads back to the same double.
 */
final class PointScoresFile {
  private PointScoresFile() {}

  static void write(Path file, List<PointSeries> series) {
    AtomicFiles.write(file, stream -> {
      Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
      out.write("file,row,label,score\n");
      StringBuilder line = new StringBuilder(96);
      for (PointSeries s : series) {
        for (int i = 0; i < s.size(); i++) {
          line.setLength(0);
          line.append(s.file()).append(',').append(s.points()[i] + 1L).append(',')
              .append(s.labels()[i] ? '1' : '0').append(',').append(s.scores()[i]).append('\n');
          out.append(line);
        }
      }
      out.flush();
    });
  }
}
