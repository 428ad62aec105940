package ad.core.series;

import java.util.Objects;

/**
 * One series (one file) as loaded: its length in points, its point labels (true = anomalous) and how
 * many leading points are given training data (0 when the source gave no parts).
 */
public final class SeriesFile implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final boolean[] labels;
  private final int trainPoints;

  /** Takes ownership of {@code labels}. */
  public SeriesFile(String name, boolean[] labels, int trainPoints) {
    this.name = Objects.requireNonNull(name, "name");
    this.labels = labels;
    if (trainPoints < 0 || trainPoints > labels.length) {
      throw new IllegalArgumentException(name + ": " + trainPoints + " training points of " + labels.length);
    }
    this.trainPoints = trainPoints;
  }

  /** The file as the user named it (after glob expansion, relative to the data root). */
  public String name() {
    return name;
  }

  public int length() {
    return labels.length;
  }

  /** A copy of the point labels. */
  public boolean[] labels() {
    return labels.clone();
  }

  public boolean label(int point) {
    return labels[point];
  }

  /** Points {@code [0, trainPoints)} are training data; the others are evaluated. */
  public int trainPoints() {
    return trainPoints;
  }

  @Override
  public String toString() {
    return "SeriesFile[" + name + ", " + labels.length + " points, " + trainPoints + " for training]";
  }
}
