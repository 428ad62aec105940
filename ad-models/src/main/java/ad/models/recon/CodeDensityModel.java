package ad.models.recon;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.Seeds;
import ad.core.Shuffle;
import ad.core.TrainingHistory;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.models.baseline.KnnDetector;
import ad.models.baseline.KnnOptions;
import ad.models.ensemble.Standardisation;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.Encoder;
import ad.models.network.Reconstructor;
import ad.models.nn.Workers;
import ad.models.state.CheckedState;
import ad.models.state.PrefixedState;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A dense autoencoder that scores a row by how badly it is rebuilt and by how far its code lies from
 * the training rows' codes: {@code (error - e0) / es + (distance - d0) / ds}, where {@code distance}
 * is the distance from the row's code to the k-th nearest code of the training rows (Ramaswamy,
 * Rastogi and Shim 2000, in the code space), and each part is standardised by the median and
 * interquartile range of its values on the training rows (a training row's own code is not its
 * neighbour).
 *
 * <p>Why: the reconstruction error finds rows off the manifold the network learnt, but a row that
 * lies on it, only where few training rows do (another digit in a digit table, a rare mix of
 * otherwise ordinary values) is rebuilt well; its code is then far from the others'. Using the
 * low-dimensional representation's density beside the reconstruction error is the idea of DAGMM
 * (Zong et al. 2018, "Deep autoencoding Gaussian mixture model for unsupervised anomaly detection",
 * ICLR), here with a nearest-neighbour density, which assumes no number of clusters.
 *
 * <p>{@code explain} and {@code reconstruct} are the autoencoder's: the per-feature reconstruction
 * errors, which the code term does not split into features.
 *
 * <p>State: the autoencoder's, the codes' neighbour model under {@code code_knn/} and the four
 * standardisation values under {@code code_standardisation}.
 */
public final class CodeDensityModel implements DetectorModel {
  static final String KNN_PREFIX = "code_knn/";
  static final String STANDARDISATION = "code_standardisation";

  private final ReconstructionModel autoencoder;
  private final AutoencoderNetwork network;
  private final int codeWidth;
  private final DetectorModel neighbours;
  private final double[] standardisation;

  private CodeDensityModel(ReconstructionModel autoencoder, AutoencoderNetwork network,
      int codeWidth, DetectorModel neighbours, double[] standardisation) {
    this.autoencoder = autoencoder;
    this.network = network;
    this.codeWidth = codeWidth;
    this.neighbours = neighbours;
    this.standardisation = standardisation;
  }

  /**
   * Adds the code term to a trained autoencoder: its training rows' codes (or those of a seeded
   * subsample of {@code referenceRows} of them) become the neighbours; the error part is standardised
   * on the training rows, the distance part on the reference rows (each left out of its own
   * neighbours, so a reference row's distance is drawn as a new row's is).
   *
   * <p>Why a subsample may do: the search costs training rows times scored rows (the fit scores
   * every reference row), 76-85 s to fit and 59-65 s to score per seed for one network on the
   * novelty split of http; the k-th neighbour's distance among a large random subsample ranks rows
   * much as among all of them.
   *
   * @param codeWidth the units of the network's code layer
   * @param k the neighbour whose distance counts; the reference rows must be more than {@code k}
   * @param referenceRows the most rows whose codes are the neighbours; null: every training row
   */
  public static CodeDensityModel fit(ReconstructionModel autoencoder, AutoencoderNetwork network,
      int codeWidth, Dataset train, int k, Integer referenceRows, long seed) {
    double[] errors = autoencoder.score(train).values();
    Dataset reference = referenceRows == null ? train : Shuffle.atMost(train, referenceRows,
        new SplittableRandom(Seeds.derive(seed, "reference-rows")));
    Dataset codes = codes(network, codeWidth, reference);
    DetectorModel neighbours = new KnnDetector(new KnnOptions(k, null, null)).fit(codes, seed);
    double[] distances = neighbours.score(codes).values();
    double[] e = Standardisation.ROBUST.of(errors);
    double[] d = Standardisation.ROBUST.of(distances);
    return new CodeDensityModel(autoencoder, network, codeWidth, neighbours,
        new double[] {e[0], e[1], d[0], d[1]});
  }

  /**
   * Whether {@code in} holds a code term. Model files written before {@code code_neighbours} existed
   * (or became the default) hold none, and their options do not mention it: they are scored by the
   * reconstruction error alone, as they were fitted.
   */
  public static boolean savedIn(StateReader in) {
    return in.contains(STANDARDISATION);
  }

  /** Restores what {@link #save} wrote, around the autoencoder loaded from the same state. */
  public static CodeDensityModel load(StateReader in, String type, ReconstructionModel autoencoder,
      AutoencoderNetwork network, int codeWidth, int k) {
    CheckedState state = new CheckedState(in, type);
    double[] standardisation = state.doubles(STANDARDISATION, 4);
    if (!(standardisation[1] > 0 && standardisation[3] > 0)) {
      throw state.corrupt(STANDARDISATION + " has a spread that is not positive");
    }
    DetectorModel neighbours = new KnnDetector(new KnnOptions(k, null, null))
        .load(PrefixedState.reader(in, KNN_PREFIX, "the code neighbours"));
    return new CodeDensityModel(autoencoder, network, codeWidth, neighbours, standardisation);
  }

  @Override
  public Scores score(Dataset data) {
    double[] errors = autoencoder.score(data).values();
    double[] distances = neighbours.score(codes(network, codeWidth, data)).values();
    double[] out = new double[errors.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (errors[i] - standardisation[0]) / standardisation[1]
          + (distances[i] - standardisation[2]) / standardisation[3];
    }
    return new Scores(out);
  }

  @Override
  public Optional<FeatureErrors> explain(Dataset data) {
    return autoencoder.explain(data);
  }

  @Override
  public Optional<Dataset> reconstruct(Dataset data) {
    return autoencoder.reconstruct(data);
  }

  @Override
  public Optional<TrainingHistory> trainingHistory() {
    return autoencoder.trainingHistory();
  }

  @Override
  public boolean canSave() {
    return true;
  }

  @Override
  public void save(StateWriter out) {
    autoencoder.save(out);
    out.doubles(STANDARDISATION, standardisation.clone());
    neighbours.save(PrefixedState.writer(out, KNN_PREFIX));
  }

  /** The codes of {@code data}'s rows, in batches spread over the network's scoring threads. */
  static Dataset codes(AutoencoderNetwork network, int width, Dataset data) {
    int columns = data.columns();
    int rows = data.rows();
    float[] out = new float[Math.multiplyExact(rows, width)];
    int bufferRows = Math.min(Reconstructor.BATCH_ROWS, Math.max(1, rows));
    Workers.forEachBatch(rows, Reconstructor.BATCH_ROWS, network.scoringThreads(), () -> {
      Encoder encoder = network.encoder();
      float[] buffer = new float[bufferRows * columns];
      return (first, count) -> {
        data.copyRows(first, count, buffer);
        System.arraycopy(encoder.encode(buffer, count), 0, out, first * width, count * width);
      };
    });
    return Dataset.of("codes of " + data.name(), rows, width, out, Dataset.defaultFeatureNames(width),
        null);
  }
}
