package ad.models.conv;

import ad.models.network.ConvArchitecture;
import ad.models.network.ConvLayer;
import ad.models.network.InputLayout;
import ad.models.network.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture the options describe, for an input layout: an encoder of convolutions (each
 * followed by the activation, dropout, and max pooling), with {@code code_size} a dense bottleneck
 * (the flattened map to the code and back, each with the activation and dropout), then a decoder
 * that retraces the encoder's sizes, stage by stage, back to the input's shape, ending in the output
 * activation. For 1-D windows the kernels, strides and pools act along the steps only.
 */
final class ConvLayers {
  private final List<ConvLayer> layers = new ArrayList<>();
  private final ConvAutoencoderOptions options;

  private ConvLayers(ConvAutoencoderOptions options) {
    this.options = options;
  }

  static ConvArchitecture architecture(InputLayout layout, ConvAutoencoderOptions o) {
    ConvLayers b = new ConvLayers(o);
    boolean series = layout.series();
    int kh = series ? 1 : o.kernelSize();
    int kw = o.kernelSize();
    int sh = series ? 1 : o.strides();
    int sw = o.strides();
    int pool = o.pooling() == Pooling.MAX ? 2 : 1;
    int ph = series ? 1 : pool;
    int pw = pool;
    List<Shape> stageInputs = new ArrayList<>();
    Shape s = layout.shape();
    for (int filters : o.filters()) {
      stageInputs.add(s);
      Shape in = s;
      Shape out = new Shape(filters, ceilDiv(in.height(), sh), ceilDiv(in.width(), sw));
      s = b.add(new ConvLayer.Convolution(in, out, kh, kw, sh, sw));
      s = b.hidden(s);
      if (pool > 1) {
        s = b.add(new ConvLayer.MaxPooling(s, new Shape(s.channels(), ceilDiv(s.height(), ph),
            ceilDiv(s.width(), pw)), ph, pw));
      }
    }
    if (o.codeSize() != null) {
      Shape map = s;
      s = b.add(new ConvLayer.FullyConnected(map, new Shape(1, 1, o.codeSize())));
      s = b.hidden(s);
      s = b.add(new ConvLayer.FullyConnected(s, map));
      s = b.hidden(s);
    }
    for (int i = o.filters().size() - 1; i >= 0; i--) {
      Shape target = stageInputs.get(i);
      boolean grows = s.height() != target.height() || s.width() != target.width();
      if (grows && o.upsampling() == Upsampling.TRANSPOSED) {
        // One layer grows the map and sets the channels; its kernel covers at least one stride.
        int fh = sh * ph;
        int fw = sw * pw;
        s = b.add(new ConvLayer.TransposedConvolution(s, target, Math.max(kh, fh), Math.max(kw, fw),
            fh, fw));
      } else {
        if (grows) {
          s = b.add(new ConvLayer.Upsampling(s, new Shape(s.channels(), target.height(),
              target.width()), sh * ph, sw * pw));
        }
        s = b.add(new ConvLayer.Convolution(s, new Shape(target.channels(), s.height(), s.width()),
            kh, kw, 1, 1));
      }
      s = i == 0 ? b.add(new ConvLayer.Nonlinearity(s, o.outputActivation())) : b.hidden(s);
    }
    return new ConvArchitecture(layout, b.layers, o.threads());
  }

  /** The hidden activation, then dropout if any. */
  private Shape hidden(Shape s) {
    add(new ConvLayer.Nonlinearity(s, options.activation()));
    return options.training().dropout() > 0
        ? add(new ConvLayer.Dropout(s, options.training().dropout())) : s;
  }

  private Shape add(ConvLayer layer) {
    layers.add(layer);
    return layer.out();
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
