package ad.models.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The buffers of passes through a whole {@link LstmAutoencoderNet}, for batches of up to
 * {@code capacity} windows; allocated once. Confined to one thread.
 *
 * <p>Windows arrive as rows ({@code steps x channels}, channels fastest) and are turned time-major
 * ({@code steps * count x channels}) once; every layer then works on time-major sequences, and the
 * output layer is one product over all steps. The time-major input is also the training target.
 *
 * <p>Dropout, as the dl4j engine places it: on the output of every LSTM layer (every step), and on
 * the code (before it is repeated, so each window's code is dropped once for all steps); inverted
 * dropout ({@link DropoutLayer#drop}), masks from the caller's generator.
 */
final class LstmNetPass {
  private final LstmAutoencoderNet net;
  private final int steps;
  private final int channels;
  private final List<LstmPass> encoder = new ArrayList<>();
  private final List<LstmPass> decoder = new ArrayList<>();
  private final MlpPass output;
  /** The windows of the batch, time-major: the input and the training target. */
  private final float[] sequence;
  private final float[] code;
  /** Per LSTM layer (encoder, then decoder): the dropout mask and dropped outputs, when used. */
  private final float[][] masks;
  private final float[][] dropped;
  private final float[] codeMask;
  private final float[] droppedCode;
  private final float[] codeGradient;
  private int count;
  private boolean droppedOut;
  private float[] reconstruction;

  /** @param training whether the pass runs backward too (it then keeps every step's state) */
  LstmNetPass(LstmAutoencoderNet net, int capacity, boolean training) {
    this.net = net;
    this.steps = net.architecture().steps();
    this.channels = net.architecture().channels();
    for (int l = 0; l < net.encoder.size(); l++) {
      encoder.add(new LstmPass(net.encoder.get(l), steps, capacity, false, training, l > 0));
    }
    for (int l = 0; l < net.decoder.size(); l++) {
      decoder.add(new LstmPass(net.decoder.get(l), steps, capacity, l == 0, training, true));
    }
    this.output = new MlpPass(net.output, steps * capacity, training);
    this.sequence = new float[steps * capacity * channels];
    int codeWidth = net.encoder.get(net.encoder.size() - 1).units();
    this.code = new float[capacity * codeWidth];
    int layers = encoder.size() + decoder.size();
    this.masks = new float[layers][];
    this.dropped = new float[layers][];
    this.codeMask = training ? new float[code.length] : null;
    this.droppedCode = training ? new float[code.length] : null;
    this.codeGradient = training ? new float[code.length] : null;
  }

  /** The time-major windows of the last {@link #forward}: the reconstruction target. */
  float[] target() {
    return sequence;
  }

  /**
   * The reconstruction of {@code count} windows of {@code rows}, time-major
   * ({@code steps * count x channels}), with dropout probability {@code dropout} (0 at inference).
   * Returns the pass's own buffer: valid until the next forward.
   */
  float[] forward(float[] rows, int count, double dropout, RandomGenerator random) {
    this.count = count;
    this.droppedOut = dropout > 0;
    toTimeMajor(rows, count, sequence);
    float[] x = sequence;
    int last = encoder.size() - 1;
    for (int l = 0; l < encoder.size(); l++) {
      x = encoder.get(l).forward(x, count);
      if (l < last) {
        x = dropOut(l, x, steps * count * net.encoder.get(l).units(), dropout, random);
      }
    }
    int codeValues = count * net.encoder.get(last).units();
    System.arraycopy(x, (steps - 1) * codeValues, code, 0, codeValues);
    x = code;
    if (droppedOut) {
      DropoutLayer.drop(code, codeMask, droppedCode, codeValues, (float) dropout, random);
      x = droppedCode;
    }
    for (int l = 0; l < decoder.size(); l++) {
      x = decoder.get(l).forward(x, count);
      x = dropOut(encoder.size() + l, x, steps * count * net.decoder.get(l).units(), dropout,
          random);
    }
    reconstruction = output.forward(x, steps * count);
    return reconstruction;
  }

  private float[] dropOut(int layer, float[] values, int n, double rate, RandomGenerator random) {
    if (!droppedOut) {
      return values;
    }
    if (masks[layer] == null) {
      masks[layer] = new float[values.length];
      dropped[layer] = new float[values.length];
    }
    DropoutLayer.drop(values, masks[layer], dropped[layer], n, (float) rate, random);
    return dropped[layer];
  }

  /**
   * Back-propagates {@code outputGradient} (d loss / d output, time-major as {@link #forward}
   * returns it) through the last forward; the layers' passes then hold the gradients.
   */
  void backward(float[] outputGradient) {
    output.backward(outputGradient, steps * count);
    float[] gradient = output.inputGradient();
    for (int l = decoder.size() - 1; l >= 0; l--) {
      applyMask(encoder.size() + l, gradient, steps * count * net.decoder.get(l).units());
      decoder.get(l).backward(gradient, false);
      gradient = decoder.get(l).inputGradient();
    }
    int last = encoder.size() - 1;
    int codeValues = count * net.encoder.get(last).units();
    if (droppedOut) {
      for (int i = 0; i < codeValues; i++) {
        codeGradient[i] = gradient[i] * codeMask[i];
      }
      gradient = codeGradient;
    }
    encoder.get(last).backward(gradient, true);
    for (int l = last - 1; l >= 0; l--) {
      gradient = encoder.get(l + 1).inputGradient();
      applyMask(l, gradient, steps * count * net.encoder.get(l).units());
      encoder.get(l).backward(gradient, false);
    }
  }

  /** Multiplies a layer output's gradient by its dropout mask, if the forward dropped. */
  private void applyMask(int layer, float[] gradient, int n) {
    if (droppedOut) {
      float[] mask = masks[layer];
      for (int i = 0; i < n; i++) {
        gradient[i] *= mask[i];
      }
    }
  }

  /** Every parameter of the network with its gradient in this pass, for the optimiser. */
  List<Parameter> parameters() {
    List<Parameter> parameters = new ArrayList<>();
    encoder.forEach(pass -> parameters.addAll(pass.layer().parameters(pass)));
    decoder.forEach(pass -> parameters.addAll(pass.layer().parameters(pass)));
    parameters.addAll(net.output.parameters(output));
    return parameters;
  }

  /**
   * Writes the last forward's reconstructions as rows ({@code count} windows of
   * {@code steps x channels}) into {@code rows} from {@code offset}.
   */
  void outputRows(float[] rows, int offset) {
    for (int r = 0; r < count; r++) {
      for (int t = 0; t < steps; t++) {
        System.arraycopy(reconstruction, (t * count + r) * channels, rows,
            offset + (r * steps + t) * channels, channels);
      }
    }
  }

  /** Rows ({@code count x steps x channels}) to time-major ({@code steps x count x channels}). */
  private void toTimeMajor(float[] rows, int count, float[] out) {
    for (int r = 0; r < count; r++) {
      for (int t = 0; t < steps; t++) {
        System.arraycopy(rows, (r * steps + t) * channels, out, (t * count + r) * channels,
            channels);
      }
    }
  }
}
