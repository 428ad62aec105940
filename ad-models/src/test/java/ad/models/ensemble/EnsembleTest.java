package ad.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.UserException;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.core.registry.OptionException;
import ad.models.MapState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ensemble's mechanics with a member whose every number can be checked by hand: a model that
 * remembers its training rows' column means, scores a row by the mean squared distance from them,
 * explains by each feature's squared distance and reconstructs the means.
 */
class EnsembleTest {
  private static final Dataset TRAIN = table("train", 300, 6, 1L);
  private static final Dataset TEST = table("test", 40, 6, 2L);

  /** The member: column means of its training rows, plus what it was given, for the tests. */
  record MeanModel(float[] means, int trainRows, long seed) implements DetectorModel {
    static MeanModel fit(Dataset train, long seed) {
      float[] means = new float[train.columns()];
      float[] row = new float[train.columns()];
      for (int r = 0; r < train.rows(); r++) {
        train.copyRow(r, row, 0);
        for (int j = 0; j < row.length; j++) {
          means[j] += row[j] / train.rows();
        }
      }
      // A per-seed wobble, so that members differ as networks of different seeds do.
      Random random = new Random(seed);
      for (int j = 0; j < means.length; j++) {
        means[j] += (float) (0.01 * random.nextGaussian());
      }
      return new MeanModel(means, train.rows(), seed);
    }

    static MeanModel load(StateReader in) {
      return new MeanModel(in.floats("means"), in.ints("rows")[0], Long.parseLong(in.text("seed")));
    }

    float[] errors(Dataset data) {
      assertEquals(means.length, data.columns(), "a member sees only its own features");
      float[] out = new float[data.rows() * means.length];
      float[] row = new float[means.length];
      for (int r = 0; r < data.rows(); r++) {
        data.copyRow(r, row, 0);
        for (int j = 0; j < row.length; j++) {
          float d = row[j] - means[j];
          out[r * means.length + j] = d * d;
        }
      }
      return out;
    }

    @Override
    public Scores score(Dataset data) {
      float[] e = errors(data);
      double[] s = new double[data.rows()];
      for (int r = 0; r < s.length; r++) {
        for (int j = 0; j < means.length; j++) {
          s[r] += e[r * means.length + j] / means.length;
        }
      }
      return new Scores(s);
    }

    @Override
    public Optional<FeatureErrors> explain(Dataset data) {
      return Optional.of(new FeatureErrors(data.rows(), means.length, errors(data),
          data.featureNames()));
    }

    @Override
    public Optional<Dataset> reconstruct(Dataset data) {
      float[] out = new float[data.rows() * means.length];
      for (int r = 0; r < data.rows(); r++) {
        System.arraycopy(means, 0, out, r * means.length, means.length);
      }
      return Optional.of(data.withValues(out));
    }

    @Override
    public boolean canSave() {
      return true;
    }

    @Override
    public void save(StateWriter out) {
      out.floats("means", means);
      out.ints("rows", new int[] {trainRows});
      out.text("seed", Long.toString(seed));
    }
  }

  private static Ensemble ensemble(Integer members, Combine combine, Integer maxRows,
      Double featureFraction, Standardisation standardise) {
    return new Ensemble(EnsembleOptions.resolve(new EnsembleOptions(members, combine, maxRows,
        featureFraction, standardise), EnsembleOptions.SINGLE), "test_type");
  }

  private static EnsembleModel fit(Ensemble ensemble, int threads) {
    return assertInstanceOf(EnsembleModel.class, ensemble.fit(TRAIN, 7L, MeanModel::fit, threads));
  }

  @Test
  void oneNetworkIsThePlainModelOfTheFitSeed() {
    DetectorModel single = ensemble(1, null, null, null, null).fit(TRAIN, 7L, MeanModel::fit);
    MeanModel plain = assertInstanceOf(MeanModel.class, single);
    assertEquals(7L, plain.seed());
    assertEquals(TRAIN.rows(), plain.trainRows());
    assertArrayEquals(MeanModel.fit(TRAIN, 7L).means(), plain.means());
    // With max_rows alone it is still one plain model, trained on a subsample.
    MeanModel sub = assertInstanceOf(MeanModel.class,
        ensemble(1, null, 50, null, null).fit(TRAIN, 7L, MeanModel::fit));
    assertEquals(50, sub.trainRows());
  }

  @Test
  void membersHaveTheirOwnSeedsRowsAndFeatures() {
    EnsembleModel model = fit(ensemble(5, null, 120, 0.5, null), 2);
    List<Long> seeds = new ArrayList<>();
    for (Member member : model.members()) {
      MeanModel m = (MeanModel) member.model();
      seeds.add(m.seed());
      assertEquals(120, m.trainRows(), "max_rows");
      int[] features = member.features();
      assertTrue(features.length >= 3 && features.length <= 6, Arrays.toString(features));
      for (int j = 1; j < features.length; j++) {
        assertTrue(features[j] > features[j - 1]);
      }
      assertEquals(features.length, m.means().length);
    }
    assertEquals(5, seeds.stream().distinct().count(), "every member has its own seed");
    assertTrue(model.members().stream().map(m -> Arrays.toString(m.features())).distinct().count()
        > 1, "members see different features");
  }

  @Test
  void theSameOnAnyNumberOfThreads() {
    Ensemble ensemble = ensemble(7, Combine.MEDIAN, 100, 0.6, null);
    double[] one = fit(ensemble, 1).score(TEST).values();
    assertArrayEquals(one, fit(ensemble, 2).score(TEST).values());
    assertArrayEquals(one, fit(ensemble, 3).score(TEST).values());
    assertArrayEquals(one, fit(ensemble, 7).score(TEST).values());
    assertNotEquals(Arrays.toString(one),
        Arrays.toString(ensemble.fit(TRAIN, 8L, MeanModel::fit, 2).score(TEST).values()),
        "another seed gives another ensemble");
  }

  @Test
  void scoresAreTheCombinedStandardisedMemberScores() {
    for (Combine combine : Combine.values()) {
      for (Standardisation standardise : Standardisation.values()) {
        EnsembleModel model = fit(ensemble(4, combine, 150, 0.7, standardise), 2);
        double[] scores = model.score(TEST).values();
        for (int r = 0; r < TEST.rows(); r++) {
          double[] z = new double[4];
          for (int m = 0; m < 4; m++) {
            Member member = model.members().get(m);
            double raw = member.model().score(member.view(TEST)).get(r);
            z[m] = (raw - member.centre()) / member.spread();
          }
          Arrays.sort(z);
          double expected = combine == Combine.MEAN ? (z[0] + z[1] + z[2] + z[3]) / 4
              : (z[1] + z[2]) / 2;
          assertEquals(expected, scores[r], 1e-12, combine + " " + standardise + " row " + r);
        }
      }
    }
  }

  @Test
  void membersAreStandardisedOnTheirOwnTrainingRows() {
    java.util.Map<Long, Dataset> rowsBySeed = new java.util.concurrent.ConcurrentHashMap<>();
    Ensemble ensemble = ensemble(3, null, 80, null, Standardisation.ROBUST);
    EnsembleModel model = assertInstanceOf(EnsembleModel.class, ensemble.fit(TRAIN, 7L,
        (rows, seed) -> {
          rowsBySeed.put(seed, rows);
          return MeanModel.fit(rows, seed);
        }, 2));
    for (Member member : model.members()) {
      MeanModel m = (MeanModel) member.model();
      Dataset own = rowsBySeed.get(m.seed());
      assertEquals(80, own.rows());
      double[] expected = Standardisation.ROBUST.of(m.score(own).values());
      assertEquals(expected[0], member.centre(), 1e-12);
      assertEquals(expected[1], member.spread(), 1e-12);
    }
  }

  @Test
  void robustStandardisationIsTheMedianAndInterquartileRange() {
    double[] scores = {1, 2, 3, 4, 100};
    // Type 7 quantiles: Q1 = 2, median 3, Q3 = 4.
    assertArrayEquals(new double[] {3, 2}, Standardisation.ROBUST.of(scores), 1e-12);
    double[] even = {4, 1, 3, 2};
    assertArrayEquals(new double[] {2.5, 1.5}, Standardisation.ROBUST.of(even), 1e-12);
    double mean = (1 + 2 + 3 + 4 + 100) / 5.0;
    assertEquals(mean, Standardisation.MEAN_STD.of(scores)[0], 1e-12);
    // Alike scores have no spread: the mean absolute deviation stands in, then 1.
    assertArrayEquals(new double[] {5, 0.8}, Standardisation.ROBUST.of(
        new double[] {5, 5, 5, 5, 5, 5, 5, 5, 9, 1}), 1e-12);
    assertArrayEquals(new double[] {5, 1}, Standardisation.ROBUST.of(new double[] {5, 5, 5}));
  }

  @Test
  void explainAveragesEachFeatureOverTheMembersThatSeeIt() {
    EnsembleModel model = fit(ensemble(6, null, null, 0.4, null), 2);
    FeatureErrors errors = model.explain(TEST).orElseThrow();
    Dataset rebuilt = model.reconstruct(TEST).orElseThrow();
    int d = TEST.columns();
    float[] sums = new float[TEST.rows() * d];
    float[] means = new float[TEST.rows() * d];
    int[] seen = new int[d];
    for (Member member : model.members()) {
      MeanModel m = (MeanModel) member.model();
      float[] e = m.errors(member.view(TEST));
      int[] f = member.features();
      for (int j = 0; j < f.length; j++) {
        seen[f[j]]++;
        for (int r = 0; r < TEST.rows(); r++) {
          sums[r * d + f[j]] += e[r * f.length + j];
          means[r * d + f[j]] += m.means()[j];
        }
      }
    }
    for (int i = 0; i < sums.length; i++) {
      int j = i % d;
      float expectedError = seen[j] == 0 ? 0 : sums[i] / seen[j];
      float expectedValue = seen[j] == 0 ? TEST.value(i / d, j) : means[i] / seen[j];
      assertEquals(expectedError, errors.values()[i], 1e-6f * Math.max(1, expectedError));
      assertEquals(expectedValue, rebuilt.values()[i], 1e-6f);
    }
    assertEquals(TEST.featureNames(), errors.featureNames());
    assertEquals(TEST.rows(), rebuilt.rows());
  }

  @Test
  void savesAndLoadsEveryMemberUnderItsOwnPrefix() {
    Ensemble ensemble = ensemble(4, Combine.MEDIAN, 90, 0.5, null);
    EnsembleModel model = fit(ensemble, 2);
    MapState state = new MapState();
    model.save(state);
    assertTrue(state.values().containsKey("member3/means"), state.values().keySet().toString());
    assertTrue(state.values().containsKey("ensemble/features2"));
    DetectorModel loaded = ensemble.load(state, MeanModel::load);
    assertArrayEquals(model.score(TEST).values(), loaded.score(TEST).values());
    assertArrayEquals(model.explain(TEST).orElseThrow().values(),
        loaded.explain(TEST).orElseThrow().values());
    assertArrayEquals(model.reconstruct(TEST).orElseThrow().values(),
        loaded.reconstruct(TEST).orElseThrow().values());

    MapState tampered = copy(state);
    tampered.put("ensemble/features1", new int[] {0, 9});
    UserException e = assertThrows(UserException.class,
        () -> ensemble.load(tampered, MeanModel::load));
    assertTrue(e.getMessage().contains("'ensemble/features1' must hold ascending feature indices "
        + "below 6"), e.getMessage());
    UserException members = assertThrows(UserException.class,
        () -> ensemble(5, Combine.MEDIAN, 90, 0.5, null).load(state, MeanModel::load));
    assertTrue(members.getMessage().contains("'ensemble/members' is 4 but the options say "
        + "members: 5"), members.getMessage());
  }

  @Test
  void refusesRowsOfAnotherWidth() {
    EnsembleModel model = fit(ensemble(2, null, null, null, null), 1);
    UserException e = assertThrows(UserException.class,
        () -> model.score(table("wide", 3, 7, 1L)));
    assertTrue(e.getMessage().contains("trained on 6 features but 'wide' has 7"), e.getMessage());
  }

  @Test
  void optionsAreChecked() {
    assertEquals("members", assertThrows(OptionException.class,
        () -> new EnsembleOptions(0, null, null, null, null)).field());
    assertEquals("max_rows", assertThrows(OptionException.class,
        () -> new EnsembleOptions(null, null, 0, null, null)).field());
    assertEquals("feature_fraction", assertThrows(OptionException.class,
        () -> new EnsembleOptions(null, null, null, 0.0, null)).field());
    EnsembleOptions resolved = EnsembleOptions.resolve(new EnsembleOptions(null, Combine.MEDIAN,
        null, null, null), new EnsembleOptions(10, Combine.MEAN, 2048, 1.0,
        Standardisation.ROBUST));
    assertEquals(new EnsembleOptions(10, Combine.MEDIAN, 2048, 1.0, Standardisation.ROBUST),
        resolved);
  }

  private static MapState copy(MapState state) {
    MapState copy = new MapState();
    copy.values().putAll(state.values());
    return copy;
  }

  static Dataset table(String name, int rows, int columns, long seed) {
    Random random = new Random(seed);
    float[] values = new float[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * (1 + i % columns));
    }
    return Dataset.of(name, rows, columns, values, Dataset.defaultFeatureNames(columns), null);
  }
}
