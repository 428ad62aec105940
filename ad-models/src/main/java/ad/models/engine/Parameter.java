package ad.models.engine;

/**
 * One trainable tensor: its values, the gradient a backward pass wrote for them, and whether L2 weight
 * decay applies (weights yes, biases and variances no). The arrays are shared, not copied: the
 * optimiser updates {@code value} in place.
 */
public record Parameter(float[] value, float[] gradient, boolean decays) {

  public Parameter {
    if (value.length != gradient.length) {
      throw new IllegalArgumentException(value.length + " values but " + gradient.length
          + " gradients");
    }
  }
}
