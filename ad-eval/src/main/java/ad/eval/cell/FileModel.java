package ad.eval.cell;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.scale.FittedScaler;
import ad.eval.pipeline.Pipeline.NamedThreshold;
import java.util.List;

/**
 * What a cell fitted for one series file when each file has its own model ({@code series_models:
 * per_file}): everything a pipeline for that file needs.
 *
 * @param file the file's index in the cell's window index
 * @param scaler the scaler fitted on the file's training windows
 * @param train the file's training windows, scaled: what the model was fitted on
 * @param thresholds the file's label-free thresholds, in the order of the spec's rules
 */
record FileModel(int file, DetectorModel model, FittedScaler scaler, Dataset train,
    List<NamedThreshold> thresholds) {

  FileModel {
    thresholds = List.copyOf(thresholds);
  }
}
