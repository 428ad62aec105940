package ad.core.data;

import ad.core.Dataset;
import ad.core.series.WindowIndex;

/**
 * A windowed series dataset and where its windows came from.
 *
 * @param windows one row per window, sample shape {@code [window, channels]}
 * @param index the file and first point of each window row (by row id)
 */
public record SeriesData(Dataset windows, WindowIndex index) {}
