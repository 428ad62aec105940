package ad.models.dl4j;

import ad.models.network.ParameterArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J network's parameters as the project's {@link ParameterArray}s: one per entry of DL4J's
 * parameter table, in its order, keyed {@code <layer>/<parameter>} in a model file's key alphabet
 * (DL4J's {@code "0_W"} becomes {@code layer0/weights}, {@code "2_RW"} an LSTM's
 * {@code layer2/recurrent_weights}, a graph's {@code "encoder0_b"} {@code encoder0/biases}), values
 * in row-major order of the parameter's shape (a dense layer's weights are {@code [in, out]}, a
 * convolution's {@code [out, in, height, width]}).
 */
final class Dl4jParameters {
  private Dl4jParameters() {}

  /**
   * Copies of every parameter of {@code table}; {@code prefix} is put before numeric layer names
   * (those of a {@link org.deeplearning4j.nn.multilayer.MultiLayerNetwork}).
   */
  static List<ParameterArray> of(Map<String, INDArray> table, String prefix) {
    List<ParameterArray> arrays = new ArrayList<>(table.size());
    table.forEach((name, value) -> arrays.add(new ParameterArray(key(name, prefix), values(value))));
    return arrays;
  }

  /**
   * Sets every parameter of {@code table} from {@code arrays}, which must have {@link #of}'s keys,
   * order and lengths.
   *
   * @throws IllegalArgumentException naming the first array that differs
   */
  static void set(Map<String, INDArray> table, String prefix, List<ParameterArray> arrays) {
    if (arrays.size() != table.size()) {
      throw new IllegalArgumentException(arrays.size() + " parameter arrays for a network of "
          + table.size());
    }
    int i = 0;
    for (Map.Entry<String, INDArray> entry : table.entrySet()) {
      ParameterArray array = arrays.get(i++);
      String expected = key(entry.getKey(), prefix);
      INDArray target = entry.getValue();
      if (!array.key().equals(expected) || array.values().length != target.length()) {
        throw new IllegalArgumentException("parameter array " + i + " is '" + array.key() + "' ("
            + array.values().length + " values), the network's is '" + expected + "' ("
            + target.length() + ")");
      }
      target.assign(Nd4j.create(array.values(), target.shape(), 'c'));
    }
  }

  /** A new array of {@code array}'s values in row-major order. */
  static float[] values(INDArray array) {
    return array.dup('c').data().asFloat();
  }

  /** Overwrites the flattened parameter vector {@code params} with {@code values}. */
  static void restore(INDArray params, float[] values) {
    if (values.length != params.length()) {
      throw new IllegalArgumentException(values.length + " values for " + params.length()
          + " parameters");
    }
    params.assign(Nd4j.create(values, params.shape(), 'c'));
  }

  private static String key(String dl4jName, String prefix) {
    int split = dl4jName.lastIndexOf('_');
    String layer = dl4jName.substring(0, split);
    String layerName = Character.isDigit(layer.charAt(0)) ? prefix + layer : layer;
    String parameter = dl4jName.substring(split + 1);
    return layerName + "/" + switch (parameter) {
      case "W" -> "weights";
      case "b" -> "biases";
      case "RW" -> "recurrent_weights";
      default -> parameter.toLowerCase(java.util.Locale.ROOT);
    };
  }
}
