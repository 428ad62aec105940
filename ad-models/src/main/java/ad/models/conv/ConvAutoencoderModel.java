package ad.models.conv;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.TrainingHistory;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.models.state.CheckedState;
import ad.models.state.HistoryState;
import ad.models.train.Residual;
import java.util.List;
import java.util.Optional;

/**
 * A trained convolutional autoencoder. Its weights never change after training, and every call makes
 * its own buffers, so it may score from several threads at once.
 */
final class ConvAutoencoderModel implements DetectorModel {
  private final Network network;
  private final InputLayout layout;
  private final TrainingHistory history;
  private final int threads;
  private final Residual residual;

  ConvAutoencoderModel(Network network, InputLayout layout, TrainingHistory history, int threads,
      Residual residual) {
    this.network = network;
    this.layout = layout;
    this.history = history;
    this.threads = threads;
    this.residual = residual;
  }

  @Override
  public Scores score(Dataset data) {
    layout.check(data);
    try (Workers workers = new Workers(threads)) {
      float[] errors = Reconstruction.errors(network, layout, data, workers, false, residual);
      double[] scores = new double[errors.length];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = errors[i];
      }
      return new Scores(scores);
    }
  }

  @Override
  public Optional<FeatureErrors> explain(Dataset data) {
    layout.check(data);
    try (Workers workers = new Workers(threads)) {
      float[] errors = Reconstruction.errors(network, layout, data, workers, true, residual);
      return Optional.of(new FeatureErrors(data.rows(), layout.features(), errors,
          layout.featureNames()));
    }
  }

  /** The network's output for each row, laid out as the row (channels last), in the scaled space. */
  @Override
  public Optional<Dataset> reconstruct(Dataset data) {
    layout.check(data);
    try (Workers workers = new Workers(threads)) {
      return Optional.of(data.withValues(Reconstruction.reconstructions(network, layout, data, workers)));
    }
  }

  @Override
  public Optional<TrainingHistory> trainingHistory() {
    return Optional.of(history);
  }

  @Override
  public boolean canSave() {
    return true;
  }

  /**
   * State: {@code layout} (ints: height, width, channels, 1 for a series window else 0; saved because
   * without {@code input_shape} it comes from the training data), {@code parameter_arrays} (how many
   * follow), {@code parameters/<i>} (floats: each layer's kernels and biases in network order) and the
   * training history.
   */
  @Override
  public void save(StateWriter out) {
    out.ints("layout", new int[] {layout.height(), layout.width(), layout.channels(),
        layout.series() ? 1 : 0});
    List<float[]> params = network.params();
    out.ints("parameter_arrays", new int[] {params.size()});
    for (int i = 0; i < params.size(); i++) {
      out.floats("parameters/" + i, params.get(i));
    }
    HistoryState.write(out, history);
  }

  /**
   * Rebuilds the network that {@code options} give for the saved layout (its initial weights are
   * overwritten) and fills in the saved parameters, each checked against the array it replaces.
   */
  static ConvAutoencoderModel load(StateReader in, ConvAutoencoderOptions options) {
    CheckedState state = new CheckedState(in, InputLayout.NAME);
    InputLayout layout = layout(state, options);
    Network network;
    try {
      network = Architecture.build(layout, options, 0L);
    } catch (IllegalArgumentException | ad.core.UserException e) {
      throw state.corrupt("the options do not give a network for layout " + layout + ": "
          + e.getMessage());
    }
    List<float[]> params = network.params();
    int count = state.ints("parameter_arrays", 1)[0];
    if (count != params.size()) {
      throw state.corrupt("'parameter_arrays' is " + count + " but the options' network for "
          + layout + " has " + params.size());
    }
    for (int i = 0; i < count; i++) {
      float[] target = params.get(i);
      System.arraycopy(state.floats("parameters/" + i, target.length), 0, target, 0, target.length);
    }
    return new ConvAutoencoderModel(network, layout, HistoryState.read(state), options.threads(),
        Residual.named(options.residual()));
  }

  private static InputLayout layout(CheckedState state, ConvAutoencoderOptions options) {
    int[] saved = state.ints("layout", 4);
    boolean series = saved[3] == 1;
    if (saved[0] <= 0 || saved[1] <= 0 || saved[2] <= 0 || saved[3] < 0 || saved[3] > 1
        || series && saved[0] != 1) {
      throw state.corrupt("'layout' must be [height, width, channels, 0] or [1, steps, channels, 1] "
          + "with positive sizes, got " + java.util.Arrays.toString(saved));
    }
    InputLayout layout = new InputLayout(saved[0], saved[1], saved[2], series);
    if (options.inputShape() != null) {
      InputLayout given = InputLayout.of(options.inputShape().stream().mapToInt(Integer::intValue)
          .toArray());
      if (!given.equals(layout)) {
        throw state.corrupt("the saved layout " + layout + " is not input_shape "
            + options.inputShape());
      }
    }
    return layout;
  }
}
