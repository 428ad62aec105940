package ad.models.conv;

import ad.core.Dataset;
import ad.core.UserException;
import ad.core.persist.StateWriter;
import ad.models.network.InputLayout;
import ad.models.recon.ModelInput;
import ad.models.state.CheckedState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The input of a convolutional autoencoder: rows laid out as {@code layout}, checked against the
 * data's sample shape, with per-pixel (or per-step) feature names. Saved as {@code layout} (ints:
 * height, width, channels, 1 for a series window else 0; saved because without {@code input_shape} it
 * comes from the training data) and {@code parameter_arrays} (how many parameter arrays follow, a
 * check that the options give the saved network).
 *
 * @param layout how a row is laid out
 * @param parameterArrays the network's number of parameter arrays
 */
record ConvInput(InputLayout layout, int parameterArrays) implements ModelInput {

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
    InputLayout layout = InputLayout.of(shape);
    check(layout, data);
    return layout;
  }

  /**
   * The layout saved in {@code state}, which must agree with {@code input_shape} when the options
   * give one.
   */
  static InputLayout read(CheckedState state, List<Integer> inputShape) {
    int[] saved = state.ints("layout", 4);
    boolean series = saved[3] == 1;
    if (saved[0] <= 0 || saved[1] <= 0 || saved[2] <= 0 || saved[3] < 0 || saved[3] > 1
        || series && saved[0] != 1) {
      throw state.corrupt("'layout' must be [height, width, channels, 0] or [1, steps, channels, 1] "
          + "with positive sizes, got " + Arrays.toString(saved));
    }
    InputLayout layout = new InputLayout(saved[0], saved[1], saved[2], series);
    if (inputShape != null
        && !InputLayout.of(inputShape.stream().mapToInt(Integer::intValue).toArray()).equals(layout)) {
      throw state.corrupt("the saved layout " + layout + " is not input_shape " + inputShape);
    }
    return layout;
  }

  /** Fails unless the state counts {@code expected} parameter arrays. */
  static void requireParameterArrays(CheckedState state, InputLayout layout, int expected) {
    int count = state.ints("parameter_arrays", 1)[0];
    if (count != expected) {
      throw state.corrupt("'parameter_arrays' is " + count + " but the options' network for "
          + layout + " has " + expected);
    }
  }

  @Override
  public void require(Dataset data) {
    check(layout, data);
  }

  /** Fails with a message naming both shapes unless {@code data}'s rows have this layout. */
  private static void check(InputLayout layout, Dataset data) {
    int[] dataShape = data.sampleShape();
    boolean laidOut = dataShape.length > 1;
    String theirs = laidOut ? Arrays.stream(dataShape).mapToObj(Integer::toString)
        .reduce((a, b) -> a + "x" + b).orElseThrow() : null;
    if (data.columns() != layout.features()) {
      throw new UserException(NAME + " expects " + layout + " = " + layout.features()
          + " features per row but '" + data.name() + "' has " + data.columns()
          + (laidOut ? " (" + theirs + ")" : ""));
    }
    int[] expected = layout.series() ? new int[] {layout.width(), layout.channels()}
        : new int[] {layout.height(), layout.width(), layout.channels()};
    if (laidOut && !Arrays.equals(dataShape, expected)) {
      throw new UserException(NAME + " expects rows laid out as " + layout + " but '" + data.name()
          + "' has " + theirs);
    }
  }

  /**
   * Names of the features in row order, 0-based: {@code r3c14} (row 3, column 14; {@code r3c14ch2}
   * for channel 2 of a multichannel image) or {@code t12c2} (step 12, channel 2).
   */
  @Override
  public List<String> featureNames(Dataset data) {
    List<String> names = new ArrayList<>(layout.features());
    for (int y = 0; y < layout.height(); y++) {
      for (int x = 0; x < layout.width(); x++) {
        for (int c = 0; c < layout.channels(); c++) {
          names.add(layout.series() ? "t" + x + "c" + c
              : "r" + y + "c" + x + (layout.channels() > 1 ? "ch" + c : ""));
        }
      }
    }
    return names;
  }

  @Override
  public void save(StateWriter out) {
    out.ints("layout", new int[] {layout.height(), layout.width(), layout.channels(),
        layout.series() ? 1 : 0});
    out.ints("parameter_arrays", new int[] {parameterArrays});
  }
}
