package ad.models.recon;

import ad.core.Dataset;
import ad.core.UserException;
import ad.core.persist.StateWriter;
import ad.models.state.CheckedState;
import java.util.List;

/**
 * A row as a plain vector of {@code count} features, saved as {@code columns}: the input of the dense
 * and variational families.
 */
public record Columns(int count) implements ModelInput {

  /** The input that {@link #save} wrote. */
  public static Columns read(CheckedState state) {
    return new Columns(state.positive("columns"));
  }

  @Override
  public void require(Dataset data) {
    if (data.columns() != count) {
      throw new UserException("model was trained on " + count + " features but '" + data.name()
          + "' has " + data.columns());
    }
  }

  @Override
  public List<String> featureNames(Dataset data) {
    return data.featureNames();
  }

  @Override
  public void save(StateWriter out) {
    out.ints("columns", new int[] {count});
  }
}
