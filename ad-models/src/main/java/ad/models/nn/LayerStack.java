package ad.models.nn;

import ad.models.network.ConvLayer;
import ad.models.network.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The conv engine's network: a chain of {@link Layer}s built from an architecture's layer
 * descriptions; {@link Pass} holds one thread's buffers for it.
 */
final class LayerStack {
  private final List<Layer> layers;

  private LayerStack(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  /**
   * The layers {@code descriptions} describe, their weights drawn from {@code init} in layer order
   * (Glorot-uniform, Keras's default for convolutions and dense layers; biases zero).
   */
  static LayerStack build(List<ConvLayer> descriptions, SplittableRandom init) {
    List<Layer> layers = new ArrayList<>();
    for (ConvLayer d : descriptions) {
      Layer layer = layer(d, init);
      if (!layer.in().equals(d.in()) || !layer.out().equals(d.out())) {
        throw new IllegalArgumentException(d + " builds a layer from " + layer.in() + " to "
            + layer.out());
      }
      layers.add(layer);
    }
    return new LayerStack(layers);
  }

  private static Layer layer(ConvLayer d, SplittableRandom init) {
    if (d instanceof ConvLayer.Convolution c) {
      return new Conv(c.in(), c.out().channels(), c.kernelHeight(), c.kernelWidth(),
          c.strideHeight(), c.strideWidth(), init);
    } else if (d instanceof ConvLayer.TransposedConvolution t) {
      return new TransposedConv(t.in(), t.out(), t.kernelHeight(), t.kernelWidth(),
          t.strideHeight(), t.strideWidth(), init);
    } else if (d instanceof ConvLayer.MaxPooling p) {
      return new MaxPool(p.in(), p.height(), p.width());
    } else if (d instanceof ConvLayer.Upsampling u) {
      return new Upsample(u.in(), u.out().height(), u.out().width(), u.height(), u.width());
    } else if (d instanceof ConvLayer.FullyConnected f) {
      return new FullyConnected(f.in(), f.out(), init);
    } else if (d instanceof ConvLayer.Nonlinearity a) {
      return new ActivationLayer(a.in(), a.activation());
    } else if (d instanceof ConvLayer.Dropout r) {
      return new DropoutLayer(r.in(), r.rate());
    }
    throw new IllegalArgumentException("no native layer for " + d);
  }

  Shape in() {
    return layers.get(0).in();
  }

  Shape out() {
    return layers.get(layers.size() - 1).out();
  }

  /** Every parameter array, layer by layer: each layer's weight rows, then its biases. */
  List<float[]> params() {
    List<float[]> p = new ArrayList<>();
    layers.forEach(l -> p.addAll(l.params()));
    return p;
  }

  List<Boolean> decays() {
    List<Boolean> d = new ArrayList<>();
    layers.forEach(l -> d.addAll(l.decays()));
    return d;
  }

  Pass newPass() {
    return new Pass(this);
  }

  /** One thread's buffers for a forward and backward pass, and its gradient sums. */
  static final class Pass {
    private final LayerStack net;
    private final Layer.Work[] works;
    /** {@code dIn[i]}: the loss gradient at layer i's input (unused for i = 0). */
    private final float[][][] dIn;

    private Pass(LayerStack net) {
      this.net = net;
      int n = net.layers.size();
      this.works = new Layer.Work[n];
      this.dIn = new float[n][][];
      for (int i = 0; i < n; i++) {
        works[i] = net.layers.get(i).newWork();
        if (i > 0) {
          dIn[i] = net.layers.get(i).in().newPlanes();
        }
      }
    }

    /** The output for input {@code x}; valid until the next call. */
    float[][] forward(float[][] x, boolean training, SplittableRandom random) {
      float[][] a = x;
      for (int i = 0; i < works.length; i++) {
        net.layers.get(i).forward(a, works[i], training, random);
        a = works[i].out;
      }
      return a;
    }

    /** Adds the gradients for the last forward pass, given the loss gradient at the output. */
    void backward(float[][] x, float[][] dOut) {
      float[][] dy = dOut;
      for (int i = works.length - 1; i >= 0; i--) {
        float[][] input = i == 0 ? x : works[i - 1].out;
        net.layers.get(i).backward(input, works[i], dy, dIn[i]);
        dy = dIn[i];
      }
    }

    /** The gradient sums, in the order of {@link LayerStack#params()}. */
    List<float[]> grads() {
      List<float[]> g = new ArrayList<>();
      for (Layer.Work w : works) {
        g.addAll(List.of(w.grads));
      }
      return g;
    }

    void zeroGrads() {
      for (Layer.Work w : works) {
        for (float[] g : w.grads) {
          java.util.Arrays.fill(g, 0f);
        }
      }
    }
  }
}
