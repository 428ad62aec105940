package ad.eval.metrics.series;

import java.util.ArrayList;
import java.util.List;

/** The maximal runs of anomalous points of a label array. */
public final class Segments {
  /** Points {@code [start, end)}. */
  public record Segment(int start, int end) {
    public int length() {
      return end - start;
    }
  }

  private Segments() {}

  public static List<Segment> of(boolean[] labels) {
    List<Segment> out = new ArrayList<>();
    int i = 0;
    while (i < labels.length) {
      if (!labels[i]) {
        i++;
        continue;
      }
      int start = i;
      while (i < labels.length && labels[i]) {
        i++;
      }
      out.add(new Segment(start, i));
    }
    return out;
  }
}
