package ad.models.conv;

import ad.core.Dataset;
import ad.core.UserException;
import ad.models.train.Residual;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a row of the data is laid out, and its conversion to the engine's channel planes. A row is
 * {@code height x width x channels} (channels fastest, like {@link Dataset#sampleShape()}); a series
 * window of {@code steps x channels} is held as an image of height 1.
 *
 * @param height image height, or 1 for a series
 * @param width image width, or the window's steps
 * @param channels channels per pixel or step
 * @param series true for a {@code [steps, channels]} window (1-D convolutions)
 */
record InputLayout(int height, int width, int channels, boolean series) {

  static final String NAME = "conv_autoencoder";

  /**
   * The layout from {@code input_shape} if given, else from the data's sample shape. A plain table
   * row of d features reads as a 1-D sequence {@code [d, 1]}, so the family runs on tables too (a
   * weak prior: neighbouring columns are not neighbours in any physical sense).
   */
  static InputLayout resolve(List<Integer> inputShape, Dataset data) {
    int[] shape = inputShape != null ? inputShape.stream().mapToInt(Integer::intValue).toArray()
        : data.sampleShape();
    if (shape.length == 1 && inputShape == null) {
      shape = new int[] {shape[0], 1};
    }
    if (shape.length == 1) {
      throw new UserException(NAME + " needs to know how a row of '" + data.name() + "' ("
          + data.columns() + " columns) is laid out: give input_shape, e.g. [28, 28, 1] for images "
          + "or [steps, channels] for series windows");
    }
    if (shape.length != 2 && shape.length != 3) {
      throw new UserException(NAME + " takes images [height, width, channels] or series windows "
          + "[steps, channels], but '" + data.name() + "' has sample shape " + Arrays.toString(shape));
    }
    InputLayout layout = of(shape);
    layout.check(data);
    return layout;
  }

  static InputLayout of(int[] shape) {
    return shape.length == 3 ? new InputLayout(shape[0], shape[1], shape[2], false)
        : new InputLayout(1, shape[0], shape[1], true);
  }

  Shape shape() {
    return new Shape(channels, height, width);
  }

  int features() {
    return height * width * channels;
  }

  @Override
  public String toString() {
    return series ? width + "x" + channels : height + "x" + width + "x" + channels;
  }

  /** Fails with a message naming both shapes unless {@code data}'s rows have this layout. */
  void check(Dataset data) {
    int[] dataShape = data.sampleShape();
    boolean laidOut = dataShape.length > 1;
    String theirs = laidOut ? Arrays.stream(dataShape).mapToObj(Integer::toString)
        .reduce((a, b) -> a + "x" + b).orElseThrow() : null;
    if (data.columns() != features()) {
      throw new UserException(NAME + " expects " + this + " = " + features() + " features per row but '"
          + data.name() + "' has " + data.columns() + (laidOut ? " (" + theirs + ")" : ""));
    }
    if (laidOut && !Arrays.equals(dataShape, series ? new int[] {width, channels}
        : new int[] {height, width, channels})) {
      throw new UserException(NAME + " expects rows laid out as " + this + " but '" + data.name()
          + "' has " + theirs);
    }
  }

  /** Row {@code row} of {@code data} as channel planes. */
  void toPlanes(Dataset data, int row, float[] rowBuffer, float[][] planes) {
    data.copyRow(row, rowBuffer, 0);
    int pixels = height * width;
    for (int p = 0, i = 0; p < pixels; p++) {
      for (int c = 0; c < channels; c++, i++) {
        planes[c][p] = rowBuffer[i];
      }
    }
  }

  /** Writes channel planes back in the row's order (channels last) into {@code out} at {@code offset}. */
  void fromPlanes(float[][] planes, float[] out, int offset) {
    int pixels = height * width;
    for (int p = 0, i = offset; p < pixels; p++) {
      for (int c = 0; c < channels; c++, i++) {
        out[i] = planes[c][p];
      }
    }
  }

  /**
   * Writes the error of each feature ({@code (a - b)^2}, or {@code |a - b|}, as {@code residual}
   * says) into {@code out} at {@code offset}, in the row's order.
   */
  void errors(float[][] a, float[][] b, Residual residual, float[] out, int offset) {
    int pixels = height * width;
    for (int p = 0, i = offset; p < pixels; p++) {
      for (int c = 0; c < channels; c++, i++) {
        out[i] = residual.of(a[c][p] - b[c][p]);
      }
    }
  }

  /**
   * Names of the features in row order, 0-based: {@code r3c14} (row 3, column 14; {@code r3c14ch2}
   * for channel 2 of a multichannel image) or {@code t12c2} (step 12, channel 2).
   */
  List<String> featureNames() {
    List<String> names = new ArrayList<>(features());
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < channels; c++) {
          names.add(series ? "t" + x + "c" + c
              : "r" + y + "c" + x + (channels > 1 ? "ch" + c : ""));
        }
      }
    }
    return names;
  }
}
