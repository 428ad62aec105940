package ad.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.RealData;
import ad.core.UserException;
import ad.core.series.Aggregation;
import ad.core.series.PointSeries;
import ad.core.series.SeriesFile;
import ad.core.series.WindowIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesSourceTest {
  @TempDir
  Path dir;

  private static SeriesSource series(List<String> paths, List<String> exclude, List<String> drop,
      int window, int stride, WindowLabel windowLabel, Integer trainPrefix) {
    return new SeriesSource(paths, exclude, null, null, null, null, drop, null, window, stride,
        windowLabel, trainPrefix, null, null);
  }

  /** Two files of 6 points; point values are 10 * point + channel (a) and -that (b). */
  private DataContext twoFiles() throws IOException {
    StringBuilder a = new StringBuilder("timestamp,a,b,changepoint,label\n");
    int[] labelsA = {0, 0, 0, 1, 0, 0};
    for (int p = 0; p < 6; p++) {
      a.append("2020-01-01 00:00:0").append(p).append(',').append(10 * p).append(',').append(-10 * p)
          .append(",0,").append(labelsA[p]).append('\n');
    }
    Files.writeString(dir.resolve("s1.csv"), a);
    Files.writeString(dir.resolve("s2.csv"), a.toString().replace(",1\n", ",0\n"));
    Files.writeString(dir.resolve("other.csv"), "timestamp,x,changepoint,label\nt,1,0,0\n");
    return new DataContext(dir, dir);
  }

  @Test
  void windowsEveryStrideWithATailWindowAndLabels() throws IOException {
    SeriesData s = series(List.of("s1.csv"), null, List.of("changepoint"), 3, 2, null, null)
        .loadSeries(twoFiles());
    Dataset w = s.windows();
    // Starts 0, 2, and 3 (the tail window ending at the last point).
    assertEquals(3, w.rows());
    assertArrayEquals(new int[] {3, 2}, w.sampleShape());
    assertEquals(List.of("a[0]", "b[0]", "a[1]", "b[1]", "a[2]", "b[2]"), w.featureNames());
    assertArrayEquals(new float[] {20, -20, 30, -30, 40, -40}, row(w, 1));
    assertArrayEquals(new boolean[] {false, true, true}, w.labels());
    assertEquals(3, s.index().start(2));
    assertFalse(w.hasParts());

    Dataset last = series(List.of("s1.csv"), null, List.of("changepoint"), 3, 2, WindowLabel.LAST, null)
        .load(twoFiles());
    assertArrayEquals(new boolean[] {false, false, false}, last.labels());
  }

  private static float[] row(Dataset d, int r) {
    float[] out = new float[d.columns()];
    d.copyRow(r, out, 0);
    return out;
  }

  @Test
  void windowScoresMapBackToPointsPerFile() throws IOException {
    SeriesData s = series(List.of("s*.csv"), null, List.of("changepoint"), 3, 2, null, null)
        .loadSeries(twoFiles());
    WindowIndex index = s.index();
    assertEquals(List.of("s1.csv", "s2.csv"), index.files().stream().map(SeriesFile::name).toList());
    assertEquals(6, index.windows());
    assertEquals(1, index.file(4));

    int[] rows = {0, 1, 2};
    double[] scores = {1, 2, 4};
    double[][] mean = index.pointScores(rows, scores, Aggregation.MEAN);
    assertArrayEquals(new double[] {1, 1, 1.5, 3, 3, 4}, mean[0]);
    assertTrue(Double.isNaN(mean[1][0]));
    double[][] max = index.pointScores(rows, scores, Aggregation.MAX);
    assertArrayEquals(new double[] {1, 1, 2, 4, 4, 4}, max[0]);
    // Windows [0,2] = 1, [2,4] = 2, [3,5] = 4: a point's min is its least anomalous covering window.
    double[][] min = index.pointScores(rows, scores, Aggregation.MIN);
    assertArrayEquals(new double[] {1, 1, 1, 2, 2, 4}, min[0]);
    double[][] onlyLast = index.pointScores(new int[] {2}, new double[] {4}, Aggregation.MEAN);
    assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, 4, 4, 4}, onlyLast[0]);

    List<PointSeries> points = index.testPoints(new int[] {2, 5}, new double[] {4, 7}, Aggregation.MAX);
    assertEquals(2, points.size());
    assertArrayEquals(new int[] {3, 4, 5}, points.get(0).points());
    assertArrayEquals(new boolean[] {true, false, false}, points.get(0).labels());
    assertArrayEquals(new double[] {7, 7, 7}, points.get(1).scores());
  }

  @Test
  void trainPrefixMarksPartsAndIsNotEvaluated() throws IOException {
    SeriesData s = series(List.of("s1.csv", "s2.csv"), null, List.of("changepoint"), 3, 1, null, 4)
        .loadSeries(twoFiles());
    Dataset w = s.windows();
    // Starts 0..3 per file; windows [0,3) and [1,4) end before point 4.
    assertEquals(8, w.rows());
    assertEquals(Dataset.Part.TRAIN, w.part(1));
    assertEquals(Dataset.Part.TEST, w.part(2));
    assertEquals(Dataset.Part.TRAIN, w.part(5));
    List<PointSeries> points = s.index().testPoints(new int[] {2, 3}, new double[] {1, 1},
        Aggregation.MEAN);
    assertArrayEquals(new int[] {4, 5}, points.get(0).points());
  }

  @Test
  void skabValveFilesByGlobWithExclusions() {
    SeriesData s = series(List.of("timeseries/skab/valve1_*.csv.gz"), List.of("valve1_1?.csv.gz"),
        List.of("changepoint"), 10, 10, null, 400).loadSeries(RealData.context());
    List<SeriesFile> files = s.index().files();
    assertEquals(10, files.size());
    assertEquals("timeseries/skab/valve1_0.csv.gz", files.get(0).name());
    assertEquals(1147, files.get(0).length());
    assertEquals(401, countTrue(files.get(0).labels()));
    assertEquals(400, files.get(0).trainPoints());
    assertEquals(80, s.windows().columns());
    assertEquals("Accelerometer1RMS[0]", s.windows().featureNames().get(0));
    assertFalse(s.windows().featureNames().stream().anyMatch(n -> n.startsWith("changepoint")));
    int expected = 0;
    for (SeriesFile f : files) {
      expected += (f.length() - 10) / 10 + 1 + ((f.length() - 10) % 10 == 0 ? 0 : 1);
    }
    assertEquals(expected, s.windows().rows());
  }

  @Test
  void nabKeepsFileOrderDespiteRepeatedTimestamps() {
    Dataset d = series(List.of("timeseries/nab/ec2_request_latency_system_failure.labelled.csv.gz"), null,
        List.of("anomaly_point"), 1, 1, null, null).load(RealData.context());
    assertEquals(4032, d.rows());
    assertEquals(346, d.anomalyCount());
    assertEquals(List.of("value[0]"), d.featureNames());
  }

  @Test
  void explainsShortFilesEmptyGlobsAndMissingWindow() throws IOException {
    DataContext context = twoFiles();
    assertTrue(assertThrows(UserException.class, () -> series(List.of("s1.csv"), null,
        List.of("changepoint"), 7, 1, null, null).load(context)).getMessage()
        .contains("s1.csv: 6 points, fewer than one window of 7"));
    assertTrue(assertThrows(UserException.class, () -> series(List.of("nope/*.csv"), null, null, 2, 1,
        null, null).load(context)).getMessage().contains("matches no file"));
    assertTrue(assertThrows(UserException.class, () -> series(List.of("s1.csv", "other.csv"), null,
        List.of("changepoint"), 1, 1, null, null).load(context)).getMessage().contains("differ"));
    assertEquals("window", assertThrows(ad.core.registry.OptionException.class,
        () -> new SeriesSource(List.of("x"), null, null, null, null, null, null, null, null, null, null,
            null, null, null)).field());
  }

  private static int countTrue(boolean[] a) {
    int n = 0;
    for (boolean b : a) {
      n += b ? 1 : 0;
    }
    return n;
  }
}
