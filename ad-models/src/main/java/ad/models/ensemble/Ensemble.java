package ad.models.ensemble;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Seeds;
import ad.core.Shuffle;
import ad.core.persist.StateReader;
import ad.models.nn.Workers;
import ad.models.state.CheckedState;
import ad.models.state.PrefixedState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits and loads a family's model as its {@link EnsembleOptions} say: the plain model when they
 * describe a {@link EnsembleOptions#single single} network, else an {@link EnsembleModel}.
 *
 * <p>Member {@code i} draws everything from its own seed, {@code derive(seed, "member<i>")}: its
 * rows ({@code "rows"}), its features ({@code "features"}) and the member's own training (weights,
 * shuffling, dropout, as a plain model of that seed). Members are fitted in parallel on the one
 * worker pool; since each one's result depends only on its seed, the ensemble is the same on any
 * number of threads.
 *
 * @param options the ensemble options
 * @param type the detector type, for messages
 */
public record Ensemble(EnsembleOptions options, String type) {
  /** Members fitted at once: the worker pool's per-call budget, as a scoring call uses. */
  static final int FIT_THREADS = Workers.SCORING_THREADS;

  /** The family's single-model fit: a model of {@code train} from {@code seed}. */
  public interface MemberFit {
    DetectorModel fit(Dataset train, long seed);
  }

  /** The family's single-model load, from a member's part of the state. */
  public interface MemberLoad {
    DetectorModel load(StateReader in);
  }

  /** The key prefix of member {@code m}'s state. */
  static String prefix(int m) {
    return "member" + m + "/";
  }

  /**
   * Fits the model: with one network, {@code fit} of {@code train} (or of a subsample of
   * {@code max_rows} of its rows) and {@code seed} itself, exactly the family's plain model; else
   * the members, in parallel.
   */
  public DetectorModel fit(Dataset train, long seed, MemberFit fit) {
    return fit(train, seed, fit, FIT_THREADS);
  }

  /** {@link #fit(Dataset, long, MemberFit)} fitting up to {@code threads} members at once. */
  DetectorModel fit(Dataset train, long seed, MemberFit fit, int threads) {
    if (options.single()) {
      return fit.fit(rows(train, seed), seed);
    }
    int n = options.members();
    Member[] members = new Member[n];
    int slices = Math.min(n, threads);
    Workers.run(slices, slice -> {
      for (int m = slice; m < n; m += slices) {
        members[m] = member(train, Seeds.derive(seed, "member" + m), fit);
      }
      return null;
    });
    return new EnsembleModel(Arrays.asList(members), options.combine(), train.columns());
  }

  /** Fits one member on its rows and features and measures its training scores' centre and spread. */
  private Member member(Dataset train, long seed, MemberFit fit) {
    int[] features = features(train.columns(), seed);
    Dataset rows = rows(train, seed);
    Dataset view = features == null ? rows : Member.project(rows, features);
    DetectorModel model = fit.fit(view, seed);
    double[] scale = options.standardise().of(model.score(view).values());
    return new Member(model, features, scale[0], scale[1]);
  }

  /**
   * The rows a network of {@code seed} trains on: all of {@code train}, or when it has more than
   * {@code max_rows}, that many drawn without replacement (in their original order).
   */
  private Dataset rows(Dataset train, long seed) {
    Integer max = options.maxRows();
    return max == null ? train
        : Shuffle.atMost(train, max, new SplittableRandom(Seeds.derive(seed, "rows")));
  }

  /**
   * The features a member of {@code seed} sees, ascending: null (all, and nothing saved) at a feature
   * fraction of 1; else {@code round(u * columns)} of them (at least one) with {@code u} uniform in
   * [feature_fraction, 1].
   */
  private int[] features(int columns, long seed) {
    double least = options.featureFraction();
    if (least == 1.0) {
      return null;
    }
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "features"));
    double share = least + (1 - least) * random.nextDouble();
    int k = Math.max(1, Math.min(columns, (int) Math.round(share * columns)));
    return Shuffle.sample(columns, k, random);
  }

  /**
   * Rebuilds a model that {@link #fit} made and saved: with one network, {@code load} of the state
   * itself; else every member from its part. A state without ensemble members is one network
   * whatever the options say: model files written before ensembles existed (or before they became
   * the dense families' default) hold one network, and their options no ensemble block.
   */
  public DetectorModel load(StateReader in, MemberLoad load) {
    if (options.single() || !in.contains("ensemble/members")) {
      return load.load(in);
    }
    CheckedState state = new CheckedState(in, type);
    int n = state.positive("ensemble/members");
    if (n != options.members()) {
      throw state.corrupt("'ensemble/members' is " + n + " but the options say members: "
          + options.members());
    }
    int columns = state.positive("ensemble/columns");
    double[] centres = state.doubles("ensemble/centre", n);
    double[] spreads = state.doubles("ensemble/spread", n);
    List<Member> members = new ArrayList<>(n);
    for (int m = 0; m < n; m++) {
      int[] features = options.featureFraction() == 1.0 ? null : savedFeatures(state, m, columns);
      if (!(spreads[m] > 0)) {
        throw state.corrupt("'ensemble/spread' must be positive, got " + spreads[m] + " for member "
            + m);
      }
      DetectorModel model = load.load(PrefixedState.reader(in, prefix(m), "ensemble member " + m));
      members.add(new Member(model, features, centres[m], spreads[m]));
    }
    return new EnsembleModel(members, options.combine(), columns);
  }

  /** Member {@code m}'s features: ascending indices below {@code columns}. */
  private static int[] savedFeatures(CheckedState state, int m, int columns) {
    String key = "ensemble/features" + m;
    int[] features = state.in().ints(key);
    for (int j = 0; j < features.length; j++) {
      if (features[j] < 0 || features[j] >= columns || j > 0 && features[j] <= features[j - 1]) {
        throw state.corrupt("'" + key + "' must hold ascending feature indices below " + columns
            + ", got " + Arrays.toString(features));
      }
    }
    if (features.length == 0) {
      throw state.corrupt("'" + key + "' is empty: a member sees at least one feature");
    }
    return features;
  }
}
