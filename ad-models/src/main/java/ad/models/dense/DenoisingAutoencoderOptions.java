package ad.models.dense;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import java.util.List;

/**
 * Options of {@link DenoisingAutoencoder}: those of {@link DenseAutoencoderOptions} (same keys, same
 * defaults) plus the input noise.
 *
 * @param noise {@code gaussian} (add {@code N(0, noise_std^2)} to every input) or {@code masking}
 *     (set a random {@code mask_fraction} of the inputs to zero); default gaussian
 * @param noiseStd standard deviation of the Gaussian noise, {@code noise_std}; > 0, default 0.1; only
 *     with {@code noise: gaussian}
 * @param maskFraction probability of zeroing each input, {@code mask_fraction}; in (0, 1), default
 *     0.2; only with {@code noise: masking}
 * @param residual as for {@link DenseAutoencoderOptions}
 */
public record DenoisingAutoencoderOptions(List<Integer> hiddenLayers, String activation,
    String outputActivation, Double learningRate, Integer epochs, Integer batchSize,
    Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle,
    String noise, Double noiseStd, Double maskFraction, String residual) {

  public static final List<String> NOISES = List.of("gaussian", "masking");

  public DenoisingAutoencoderOptions {
    DenseAutoencoderOptions dense = new DenseAutoencoderOptions(hiddenLayers, activation,
        outputActivation, learningRate, epochs, batchSize, validationSplit, patience, dropout, l2,
        shuffle, residual);
    hiddenLayers = dense.hiddenLayers();
    activation = dense.activation();
    outputActivation = dense.outputActivation();
    learningRate = dense.learningRate();
    epochs = dense.epochs();
    batchSize = dense.batchSize();
    validationSplit = dense.validationSplit();
    patience = dense.patience();
    dropout = dense.dropout();
    l2 = dense.l2();
    shuffle = dense.shuffle();
    residual = dense.residual();
    noise = Options.oneOf("noise", Options.orDefault(noise, "gaussian"), NOISES);
    // An option of the other noise is a mistake (the user thinks it has an effect): say so.
    if (noise.equals("gaussian")) {
      if (maskFraction != null) {
        throw new OptionException("mask_fraction", "applies only to noise: masking; this model "
            + "uses noise: gaussian (set noise_std instead)");
      }
      noiseStd = Options.positive("noise_std", Options.orDefault(noiseStd, 0.1));
    } else {
      if (noiseStd != null) {
        throw new OptionException("noise_std", "applies only to noise: gaussian; this model uses "
            + "noise: masking (set mask_fraction instead)");
      }
      maskFraction = Options.orDefault(maskFraction, 0.2);
      if (!(maskFraction > 0 && maskFraction < 1)) {
        throw new OptionException("mask_fraction", "must be in (0, 1), got " + maskFraction);
      }
    }
  }

  /** All but {@code residual}, which takes its default (squared). */
  public DenoisingAutoencoderOptions(List<Integer> hiddenLayers, String activation,
      String outputActivation, Double learningRate, Integer epochs, Integer batchSize,
      Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle,
      String noise, Double noiseStd, Double maskFraction) {
    this(hiddenLayers, activation, outputActivation, learningRate, epochs, batchSize,
        validationSplit, patience, dropout, l2, shuffle, noise, noiseStd, maskFraction, null);
  }

  /** The defaults (Gaussian noise, std 0.1) with the given hidden layer widths. */
  public static DenoisingAutoencoderOptions of(int... hiddenLayers) {
    DenseAutoencoderOptions d = DenseAutoencoderOptions.of(hiddenLayers);
    return new DenoisingAutoencoderOptions(d.hiddenLayers(), null, null, null, null, null, null, null,
        null, null, null, null, null, null);
  }

  /** The network and training options, as a plain autoencoder's. */
  public DenseAutoencoderOptions dense() {
    return new DenseAutoencoderOptions(hiddenLayers, activation, outputActivation, learningRate,
        epochs, batchSize, validationSplit, patience, dropout, l2, shuffle, residual);
  }

  Corruption corruption() {
    return noise.equals("gaussian") ? Corruption.gaussian(noiseStd) : Corruption.masking(maskFraction);
  }
}
