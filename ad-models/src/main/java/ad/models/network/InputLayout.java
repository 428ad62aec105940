package ad.models.network;

/**
 * How a row of a convolutional autoencoder's data is laid out. A row is
 * {@code height x width x channels}, channels fastest (as {@link ad.core.Dataset#sampleShape()}); a
 * series window of {@code steps x channels} is held as an image of height 1.
 *
 * @param height image height, or 1 for a series
 * @param width image width, or the window's steps
 * @param channels channels per pixel or step
 * @param series true for a {@code [steps, channels]} window (1-D convolutions)
 */
public record InputLayout(int height, int width, int channels, boolean series) {

  public InputLayout {
    if (height <= 0 || width <= 0 || channels <= 0 || series && height != 1) {
      throw new IllegalArgumentException("bad layout: height " + height + ", width " + width
          + ", channels " + channels + (series ? ", series" : ""));
    }
  }

  /** {@code [height, width, channels]} for an image, {@code [steps, channels]} for a series. */
  public static InputLayout of(int[] shape) {
    return shape.length == 3 ? new InputLayout(shape[0], shape[1], shape[2], false)
        : new InputLayout(1, shape[0], shape[1], true);
  }

  /** The input as the first layer sees it: channel planes. */
  public Shape shape() {
    return new Shape(channels, height, width);
  }

  /** Values per row. */
  public int features() {
    return height * width * channels;
  }

  @Override
  public String toString() {
    return series ? width + "x" + channels : height + "x" + width + "x" + channels;
  }
}
