package ad.models.nn;

/**
 * One trainable tensor: its values, the gradient a backward pass wrote for them, and whether L2 weight
 * decay applies (weights yes, biases and variances no). The arrays are shared, not copied: the
 * optimiser updates {@code value} in place.
 */
record Parameter(float[] value, float[] gradient, boolean decays) {

  Parameter {
    if (value.length != gradient.length) {
      throw new IllegalArgumentException(value.length + " values but " + gradient.length
          + " gradients");
    }
  }
}
