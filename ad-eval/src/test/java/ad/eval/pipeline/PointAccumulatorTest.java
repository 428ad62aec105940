package ad.eval.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ad.core.series.Aggregation;
import ad.core.series.SeriesFile;
import ad.core.series.WindowIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming accumulator gives exactly the run's point scores ({@link WindowIndex#pointScores}),
 * bit for bit, whatever the window, the stride (also longer than the window) and when points are
 * handed out.
 */
class PointAccumulatorTest {

  @Test
  void equalsTheRunsPointScoresBitForBit() throws IOException {
    Random random = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      int window = 1 + random.nextInt(20);
      int stride = 1 + random.nextInt(25);
      int length = window + random.nextInt(200);
      Windowing windowing = new Windowing(window, stride, Aggregation.MEAN, null);
      List<Long> starts = new ArrayList<>();
      for (long end = 0; end < length; end++) {
        if (windowing.regularWindowEndsAt(end)) {
          starts.add(end - window + 1);
        }
      }
      if (windowing.tailStart(length) >= 0) {
        starts.add(windowing.tailStart(length));
      }
      double[] scores = random.doubles(starts.size()).map(d -> Math.exp(10 * d)).toArray();
      int[] rowIds = new int[starts.size()];
      Arrays.setAll(rowIds, i -> i);
      WindowIndex index = new WindowIndex(window, List.of(new SeriesFile("s", new boolean[length], 0)),
          new int[starts.size()], starts.stream().mapToInt(Long::intValue).toArray());
      for (Aggregation aggregation : Aggregation.values()) {
        double[] expected = index.pointScores(rowIds, scores, aggregation)[0];
        double[] actual = new double[length];
        PointAccumulator points = new PointAccumulator(aggregation, 0);
        PointAccumulator.Sink sink = (point, covering, score, errors) -> actual[(int) point] = score;
        for (int w = 0; w < starts.size(); w++) {
          points.add(starts.get(w), window, scores[w], null, 0);
          if (random.nextInt(4) == 0) {
            // No later window starts at or before this one's start.
            points.drain(starts.get(w), sink);
          }
        }
        points.drain(length, sink);
        for (int p = 0; p < length; p++) {
          assertEquals(Double.doubleToRawLongBits(expected[p]), Double.doubleToRawLongBits(actual[p]),
              aggregation + " window " + window + " stride " + stride + " length " + length + " point " + p);
        }
      }
    }
  }

  @Test
  void channelErrorsAtAPointCombineItsPositionInEveryCoveringWindow() throws IOException {
    Random random = new Random(11);
    int window = 5;
    int stride = 2;
    int channels = 3;
    int length = 20;
    List<Long> starts = new ArrayList<>();
    for (long s = 0; s + window <= length; s += stride) {
      starts.add(s);
    }
    starts.add((long) length - window);
    float[] values = new float[starts.size() * window * channels];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat();
    }
    List<String> names = ad.core.data.SeriesSource.featureNames(List.of("a", "b", "c"), window);
    ad.core.FeatureErrors errors = new ad.core.FeatureErrors(starts.size(), window * channels, values, names);
    for (Aggregation aggregation : Aggregation.values()) {
      PointAccumulator points = new PointAccumulator(aggregation, channels);
      for (int w = 0; w < starts.size(); w++) {
        points.add(starts.get(w), window, w, errors, w);
      }
      points.drain(length, (point, covering, score, channelErrors) -> {
        for (int c = 0; c < channels; c++) {
          List<Double> seen = new ArrayList<>();
          for (int w = 0; w < starts.size(); w++) {
            long k = point - starts.get(w);
            if (k >= 0 && k < window) {
              seen.add((double) errors.get(w, (int) k * channels + c));
            }
          }
          double expected = aggregation == Aggregation.MAX ? seen.stream().mapToDouble(d -> d).max().orElseThrow()
              : aggregation == Aggregation.MIN ? seen.stream().mapToDouble(d -> d).min().orElseThrow()
              : seen.stream().mapToDouble(d -> d).sum() / seen.size();
          assertEquals(seen.size(), covering);
          assertEquals(expected, channelErrors[c], 1e-12, aggregation + " point " + point + " channel " + c);
        }
      });
    }
  }
}
