package ad.eval.cell;

import ad.core.Dataset;
import ad.core.UserException;
import ad.core.scale.FittedScaler;
import ad.core.scale.Scaler;
import ad.core.series.WindowIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scaler per series file, each fitted on that file's training windows only: series recorded
 * under different operating conditions (SKAB's experiments, NAB's unrelated metrics) each get their
 * own normal range.
 */
final class PerFileScaling {
  private final WindowIndex index;
  private final Map<Integer, FittedScaler> scalers;

  private PerFileScaling(WindowIndex index, Map<Integer, FittedScaler> scalers) {
    this.index = index;
    this.scalers = scalers;
  }

  static PerFileScaling fit(Scaler scaler, Dataset train, WindowIndex index) {
    Map<Integer, FittedScaler> scalers = new HashMap<>();
    for (Map.Entry<Integer, int[]> e : rowsByFile(train, index).entrySet()) {
      scalers.put(e.getKey(), scaler.fit(train.select(e.getValue())));
    }
    return new PerFileScaling(index, scalers);
  }

  /** Each row scaled by the scaler of its file. */
  Dataset transform(Dataset data) {
    float[] values = new float[data.rows() * data.columns()];
    for (Map.Entry<Integer, int[]> e : rowsByFile(data, index).entrySet()) {
      FittedScaler scaler = scalers.get(e.getKey());
      if (scaler == null) {
        throw new UserException("series file '" + index.files().get(e.getKey()).name()
            + "' has no training windows to fit its scaler on: lengthen its training part");
      }
      float[] scaled = scaler.transform(data.select(e.getValue())).values();
      int[] rows = e.getValue();
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(scaled, i * data.columns(), values, rows[i] * data.columns(), data.columns());
      }
    }
    return data.withValues(values);
  }

  /** The scaler of series file {@code file} (an index into the window index's files), or null when it had no training windows. */
  FittedScaler scaler(int file) {
    return scalers.get(file);
  }

  /** Row positions of {@code data} grouped by the series file their window comes from. */
  static Map<Integer, int[]> rowsByFile(Dataset data, WindowIndex index) {
    Map<Integer, List<Integer>> lists = new java.util.TreeMap<>();
    for (int r = 0; r < data.rows(); r++) {
      lists.computeIfAbsent(index.file(data.rowId(r)), k -> new ArrayList<>()).add(r);
    }
    Map<Integer, int[]> out = new java.util.TreeMap<>();
    lists.forEach((file, rows) -> out.put(file, rows.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }
}
