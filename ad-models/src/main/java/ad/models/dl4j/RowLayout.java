package ad.models.dl4j;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How the project's rows (row-major floats, channels last: {@code [features]},
 * {@code [height, width, channels]} or {@code [steps, channels]}) become a network's input array and
 * how its output becomes rows again.
 *
 * <p>DL4J wants channels first: images as {@code [batch, channels, height, width]} (NCHW), sequences
 * as {@code [batch, channels, steps]} (NCW). A series window for a convolution is an image of height
 * 1, as in the native engine.
 */
record RowLayout(Kind kind, int height, int width, int channels) {

  enum Kind {
    /** {@code [batch, features]}. */
    TABLE,
    /** Rows {@code [height, width, channels]}, arrays {@code [batch, channels, height, width]}. */
    IMAGE,
    /** Rows {@code [steps, channels]} ({@code width} is the steps), arrays {@code [batch, channels, steps]}. */
    SEQUENCE
  }

  static RowLayout table(int features) {
    return new RowLayout(Kind.TABLE, 1, features, 1);
  }

  static RowLayout image(int height, int width, int channels) {
    return new RowLayout(Kind.IMAGE, height, width, channels);
  }

  static RowLayout sequence(int steps, int channels) {
    return new RowLayout(Kind.SEQUENCE, 1, steps, channels);
  }

  /** Values per row. */
  int features() {
    return height * width * channels;
  }

  /** The first {@code count} rows of {@code rows} as the network's input (a new array). */
  INDArray input(float[] rows, int count) {
    float[] values = rows.length == count * features() ? rows : Arrays.copyOf(rows, count * features());
    return switch (kind) {
      case TABLE -> Nd4j.create(values, new long[] {count, features()}, 'c');
      case IMAGE -> Nd4j.create(values, new long[] {count, height, width, channels}, 'c')
          .permute(0, 3, 1, 2).dup('c');
      case SEQUENCE -> Nd4j.create(values, new long[] {count, width, channels}, 'c')
          .permute(0, 2, 1).dup('c');
    };
  }

  /** A network output laid out as {@link #input} lays out rows, back as row-major rows. */
  float[] rows(INDArray output) {
    INDArray rowMajor = switch (kind) {
      case TABLE -> output;
      case IMAGE -> output.permute(0, 2, 3, 1);
      case SEQUENCE -> output.permute(0, 2, 1);
    };
    return rowMajor.dup('c').data().asFloat();
  }
}
