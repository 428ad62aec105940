package ad.models.ensemble;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.TrainingHistory;
import ad.core.UserException;
import ad.core.persist.StateWriter;
import ad.models.state.PrefixedState;
import java.util.List;
import java.util.Optional;

/**
 * A fitted ensemble: a row's score is the {@link Combine combination} of its members' scores, each
 * {@link Standardisation standardised} by the centre and spread of that member's scores on its own
 * training rows. Immutable and thread-safe, as its members are; results do not depend on threads.
 *
 * <p>{@code explain} gives, for each feature, the mean of the per-feature errors of the members that
 * see it (a feature no member sees has error 0); {@code reconstruct} likewise the mean of their
 * reconstructions (a feature no member sees keeps its input value). Members' errors are their own
 * (not standardised), so the explanation is in the family's units. The training history is the
 * first member's.
 *
 * <p>State: {@code ensemble/members} and {@code ensemble/columns}, {@code ensemble/centre} and
 * {@code ensemble/spread} (one per member), {@code ensemble/features<i>} for a member that sees a
 * subset of the features, and each member's own state under {@code member<i>/}.
 */
final class EnsembleModel implements DetectorModel {
  private final List<Member> members;
  private final Combine combine;
  private final int columns;

  EnsembleModel(List<Member> members, Combine combine, int columns) {
    this.members = List.copyOf(members);
    this.combine = combine;
    this.columns = columns;
  }

  List<Member> members() {
    return members;
  }

  @Override
  public Scores score(Dataset data) {
    require(data);
    int rows = data.rows();
    double[][] z = new double[members.size()][];
    for (int m = 0; m < members.size(); m++) {
      Member member = members.get(m);
      double[] s = member.model().score(member.view(data)).values();
      for (int r = 0; r < rows; r++) {
        s[r] = member.standardise(s[r]);
      }
      z[m] = s;
    }
    double[] out = new double[rows];
    double[] row = new double[members.size()];
    for (int r = 0; r < rows; r++) {
      for (int m = 0; m < z.length; m++) {
        row[m] = z[m][r];
      }
      out[r] = combine.of(row, z.length);
    }
    return new Scores(out);
  }

  @Override
  public Optional<FeatureErrors> explain(Dataset data) {
    require(data);
    float[] sums = new float[Math.multiplyExact(data.rows(), columns)];
    int[] seen = new int[columns];
    // A member that sees every feature names them as its family does (conv: pixel and channel).
    List<String> names = data.featureNames();
    for (Member member : members) {
      Optional<FeatureErrors> errors = member.model().explain(member.view(data));
      if (errors.isEmpty()) {
        return Optional.empty();
      }
      if (member.features() == null) {
        names = errors.get().featureNames();
      }
      add(errors.get().values(), member.features(), data.rows(), sums, seen);
    }
    divide(sums, seen, data.rows(), null);
    return Optional.of(new FeatureErrors(data.rows(), columns, sums, names));
  }

  @Override
  public Optional<Dataset> reconstruct(Dataset data) {
    require(data);
    float[] sums = new float[Math.multiplyExact(data.rows(), columns)];
    int[] seen = new int[columns];
    for (Member member : members) {
      Optional<Dataset> rebuilt = member.model().reconstruct(member.view(data));
      if (rebuilt.isEmpty()) {
        return Optional.empty();
      }
      add(rebuilt.get().values(), member.features(), data.rows(), sums, seen);
    }
    divide(sums, seen, data.rows(), data);
    return Optional.of(data.withValues(sums));
  }

  /** Adds a member's per-feature values ({@code rows x features}) into the ensemble's columns. */
  private void add(float[] values, int[] features, int rows, float[] sums, int[] seen) {
    int k = features == null ? columns : features.length;
    for (int j = 0; j < k; j++) {
      seen[features == null ? j : features[j]]++;
    }
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < k; j++) {
        sums[r * columns + (features == null ? j : features[j])] += values[r * k + j];
      }
    }
  }

  /**
   * Divides each column by the members that saw it; a column no member saw becomes 0, or
   * {@code input}'s value when it is given.
   */
  private void divide(float[] sums, int[] seen, int rows, Dataset input) {
    float[] row = new float[columns];
    for (int r = 0; r < rows; r++) {
      if (input != null) {
        input.copyRow(r, row, 0);
      }
      for (int j = 0; j < columns; j++) {
        int i = r * columns + j;
        sums[i] = seen[j] > 0 ? sums[i] / seen[j] : row[j];
      }
    }
  }

  @Override
  public Optional<TrainingHistory> trainingHistory() {
    return members.get(0).model().trainingHistory();
  }

  @Override
  public boolean canSave() {
    return members.stream().allMatch(m -> m.model().canSave());
  }

  @Override
  public void save(StateWriter out) {
    int n = members.size();
    out.ints("ensemble/members", new int[] {n});
    out.ints("ensemble/columns", new int[] {columns});
    double[] centres = new double[n];
    double[] spreads = new double[n];
    for (int m = 0; m < n; m++) {
      Member member = members.get(m);
      centres[m] = member.centre();
      spreads[m] = member.spread();
      if (member.features() != null) {
        out.ints("ensemble/features" + m, member.features());
      }
      member.model().save(PrefixedState.writer(out, Ensemble.prefix(m)));
    }
    out.doubles("ensemble/centre", centres);
    out.doubles("ensemble/spread", spreads);
  }

  private void require(Dataset data) {
    if (data.columns() != columns) {
      throw new UserException("model was trained on " + columns + " features but '" + data.name()
          + "' has " + data.columns());
    }
  }
}
