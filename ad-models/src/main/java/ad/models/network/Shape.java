package ad.models.network;

/** The shape of one sample's activations: {@code channels} planes of {@code height x width}. */
public record Shape(int channels, int height, int width) {

  public Shape {
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException("shape needs positive sizes: " + channels + "x" + height
          + "x" + width);
    }
  }

  /** Values per plane. */
  public int plane() {
    return height * width;
  }

  /** Values in all. */
  public int size() {
    return channels * height * width;
  }

  /** New zeroed planes of this shape. */
  public float[][] newPlanes() {
    return new float[channels][plane()];
  }
}
