package ad.models.vae;

import ad.core.TrainingHistory;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.models.network.VariationalNetwork;
import ad.models.recon.Columns;
import ad.models.recon.ReconstructionModel;
import ad.models.state.CheckedState;
import ad.models.state.HistoryState;

/**
 * A trained VAE: the shared model base with the VAE's scores ({@link VaeScorer}). Scores are
 * reproducible: the Monte Carlo draws of a row depend only on the fit seed's {@code "score"} stream and
 * the row (see {@code LatentNoise}). {@code reconstruct} gives the decoded mean at {@code z = mu}, the
 * reconstruction the error score uses.
 *
 * <p>State, besides the base's: {@code score_seed} (what every row's draws derive from, so a loaded
 * model draws the same). Likelihood, beta, score and samples come from the options.
 */
final class VaeModel extends ReconstructionModel {
  private final VariationalNetwork network;
  private final VariationalAutoencoderOptions options;
  private final long scoreSeed;

  VaeModel(VariationalNetwork network, VariationalAutoencoderOptions options, long scoreSeed,
      TrainingHistory history) {
    super(new Columns(network.columns()), network, history);
    this.network = network;
    this.options = options;
    this.scoreSeed = scoreSeed;
  }

  static VaeModel load(StateReader in, VariationalAutoencoderOptions options) {
    CheckedState state = new CheckedState(in, VariationalAutoencoder.TYPE);
    Columns columns = Columns.read(state);
    VariationalNetwork network = VariationalAutoencoder.engine(options).variational(
        options.architecture(columns.count()), 0L);
    ReconstructionModel.loadParameters(state, network);
    return new VaeModel(network, options, state.seed("score_seed"), HistoryState.read(state));
  }

  @Override
  protected void saveSettings(StateWriter out) {
    CheckedState.writeSeed(out, "score_seed", scoreSeed);
  }

  @Override
  protected BatchScorer openScorer() {
    VaeScorer scorer = new VaeScorer(network, options.reconstruction(), options.beta(), scoreSeed,
        options.samples());
    VaeScore kind = options.score();
    return new BatchScorer() {
      @Override
      public void scores(float[] rows, int count, double[] out, int first) {
        scorer.scores(rows, count, kind, out, first);
      }

      @Override
      public void errors(float[] rows, int count, float[] out, int first) {
        scorer.errors(rows, count, kind, out, first);
      }

      @Override
      public void reconstructions(float[] rows, int count, float[] out, int first) {
        scorer.means(rows, count, out, first);
      }
    };
  }
}
