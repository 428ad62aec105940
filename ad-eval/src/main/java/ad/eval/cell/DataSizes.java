package ad.eval.cell;

import java.io.Serializable;

/**
 * How many rows each part of a cell's split held. For time series, test rows are test points.
 *
 * @param validationRows 0 when the protocol held none out (thresholds then fit on training scores)
 * @param unseenCategories categorical values in validation and test rows that training never saw
 */
public record DataSizes(int trainRows, int validationRows, int testRows, int testAnomalies, int unseenCategories)
    implements Serializable {
  public static final DataSizes NONE = new DataSizes(0, 0, 0, 0, 0);
}
