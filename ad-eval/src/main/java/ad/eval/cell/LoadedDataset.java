package ad.eval.cell;

import ad.core.Dataset;
import ad.core.data.DataContext;
import ad.core.data.DatasetSource;
import ad.core.data.SeriesData;
import ad.core.data.SeriesSource;
import ad.core.series.WindowIndex;
import java.io.Serializable;

/**
 * A dataset as its source loaded it, before any split: what is loaded once and shared by every cell
 * of that dataset, in this process or shipped to others.
 *
 * @param data the rows, named after the spec's dataset (for series: every window of every file)
 * @param series maps window rows back to their files and points; null unless the rows are windows
 */
public record LoadedDataset(Dataset data, WindowIndex series) implements Serializable {

  /**
   * @param name the spec's name for the dataset
   * @throws ad.core.UserException if a file is missing or malformed
   */
  public static LoadedDataset load(String name, DatasetSource source, DataContext context) {
    if (source instanceof SeriesSource series) {
      SeriesData loaded = series.loadSeries(context);
      return new LoadedDataset(loaded.windows().withName(name), loaded.index());
    }
    return new LoadedDataset(source.load(context).withName(name), null);
  }
}
