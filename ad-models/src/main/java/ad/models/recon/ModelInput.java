package ad.models.recon;

import ad.core.Dataset;
import ad.core.persist.StateWriter;
import java.util.List;

/** What a fitted network takes as a row: checked before scoring, named in explanations, saved. */
public interface ModelInput {

  /** Fails with a {@link ad.core.UserException} naming both unless {@code data} fits. */
  void require(Dataset data);

  /** The names that {@code explain} gives the features of {@code data}. */
  List<String> featureNames(Dataset data);

  /** Writes what loading needs to rebuild the network for this input, e.g. {@code columns}. */
  void save(StateWriter out);
}
