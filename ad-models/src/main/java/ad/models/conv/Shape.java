package ad.models.conv;

/** The shape of one activation: {@code channels} planes of {@code height x width}, row-major. */
record Shape(int channels, int height, int width) {

  Shape {
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException("shape needs positive sizes: " + this);
    }
  }

  int plane() {
    return height * width;
  }

  int size() {
    return channels * height * width;
  }

  float[][] newPlanes() {
    return new float[channels][plane()];
  }
}
