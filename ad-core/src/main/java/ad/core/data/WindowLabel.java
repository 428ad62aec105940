package ad.core.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When a window of a series is labelled anomalous ({@code window_label}). */
public enum WindowLabel {
  /** When any of its points is anomalous. */
  @JsonProperty("any") ANY,
  /** When its last point is (the point a streaming detector decides about). */
  @JsonProperty("last") LAST,
  /** When all of its points are. */
  @JsonProperty("all") ALL;

  /** The label of the window of {@code window} points starting at {@code start}. */
  boolean of(boolean[] points, int start, int window) {
    switch (this) {
      case LAST:
        return points[start + window - 1];
      case ALL:
        for (int p = start; p < start + window; p++) {
          if (!points[p]) {
            return false;
          }
        }
        return true;
      default:
        for (int p = start; p < start + window; p++) {
          if (points[p]) {
            return true;
          }
        }
        return false;
    }
  }
}
