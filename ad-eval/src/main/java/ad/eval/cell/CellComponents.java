package ad.eval.cell;

import ad.core.Detector;
import ad.core.Thresholder;
import ad.core.data.DatasetSource;
import ad.core.protocol.Protocol;
import ad.core.scale.Scaler;
import java.util.List;

/**
 * The live components a {@link CellSpec} names, built in the process that evaluates it.
 *
 * @param thresholders one per {@link CellSpec#thresholders()}, in the same order
 */
public record CellComponents(DatasetSource dataset, Protocol protocol, Scaler scaler, Detector detector,
    List<Thresholder> thresholders) {

  public CellComponents {
    thresholders = List.copyOf(thresholders);
  }
}
