package ad.models.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the network from the options: an encoder of convolutions (each followed by its activation,
 * dropout, and max pooling), with {@code code_size} a dense bottleneck (the flattened map to the code
 * and back, each with the activation and dropout), then a decoder that retraces the encoder's sizes, stage by stage, back to
 * the input's shape. For 1-D windows the kernels, strides and pools act along the steps only.
 */
final class Architecture {
  private Architecture() {}

  static Network build(InputLayout layout, ConvAutoencoderOptions o, long seed) {
    SplittableRandom init = new SplittableRandom(seed);
    boolean series = layout.series();
    int kh = series ? 1 : o.kernelSize();
    int kw = o.kernelSize();
    int sh = series ? 1 : o.strides();
    int sw = o.strides();
    int pool = o.pooling().equals("max") ? 2 : 1;
    int ph = series ? 1 : pool;
    int pw = pool;
    List<Layer> layers = new ArrayList<>();
    List<Shape> stageInputs = new ArrayList<>();
    Shape s = layout.shape();
    for (int filters : o.filters()) {
      stageInputs.add(s);
      s = add(layers, new Conv(s, filters, kh, kw, sh, sw, init));
      s = hidden(layers, s, o);
      if (pool > 1) {
        s = add(layers, new MaxPool(s, ph, pw));
      }
    }
    if (o.codeSize() != null) {
      Shape map = s;
      s = add(layers, new Dense(map, new Shape(1, 1, o.codeSize()), init));
      s = hidden(layers, s, o);
      s = add(layers, new Dense(s, map, init));
      s = hidden(layers, s, o);
    }
    for (int i = o.filters().size() - 1; i >= 0; i--) {
      Shape target = stageInputs.get(i);
      boolean last = i == 0;
      Shape targetShape = new Shape(target.channels(), target.height(), target.width());
      boolean grows = s.height() != target.height() || s.width() != target.width();
      if (grows && o.upsampling().equals("transposed")) {
        // One layer grows the map and sets the channels; its kernel covers at least one stride.
        int fh = sh * ph;
        int fw = sw * pw;
        s = add(layers, new TransposedConv(s, targetShape, Math.max(kh, fh), Math.max(kw, fw), fh,
            fw, init));
      } else {
        if (grows) {
          s = add(layers, new Upsample(s, target.height(), target.width(), sh * ph, sw * pw));
        }
        s = add(layers, new Conv(s, target.channels(), kh, kw, 1, 1, init));
      }
      s = last ? add(layers, new Activation(s, o.outputActivation())) : hidden(layers, s, o);
    }
    return new Network(layers);
  }

  private static Shape hidden(List<Layer> layers, Shape s, ConvAutoencoderOptions o) {
    add(layers, new Activation(s, o.activation()));
    return o.dropout() > 0 ? add(layers, new Dropout(s, o.dropout())) : s;
  }

  private static Shape add(List<Layer> layers, Layer layer) {
    layers.add(layer);
    return layer.out();
  }
}
