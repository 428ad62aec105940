package ad.models.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A chain of layers; {@link Pass} holds one thread's buffers for it. */
final class Network {
  private final List<Layer> layers;

  Network(List<Layer> layers) {
    for (int i = 1; i < layers.size(); i++) {
      if (!layers.get(i).in().equals(layers.get(i - 1).out())) {
        throw new IllegalArgumentException("layer " + i + " takes " + layers.get(i).in()
            + " but gets " + layers.get(i - 1).out());
      }
    }
    this.layers = List.copyOf(layers);
  }

  Shape in() {
    return layers.get(0).in();
  }

  Shape out() {
    return layers.get(layers.size() - 1).out();
  }

  List<Layer> layers() {
    return layers;
  }

  /** Every parameter array, layer by layer. */
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
    private final Network net;
    private final Layer.Work[] works;
    /** {@code dIn[i]}: the loss gradient at layer i's input (unused for i = 0). */
    private final float[][][] dIn;

    private Pass(Network net) {
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

    /** The gradient sums, in the order of {@link Network#params()}. */
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
