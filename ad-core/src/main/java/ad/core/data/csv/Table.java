package ad.core.data.csv;

/**
 * The rows of one CSV file as read by {@link TableReader}.
 *
 * @param file the file as the user named it
 * @param rows the number of data rows
 * @param values the numeric features, row-major ({@code rows x numeric columns})
 * @param categoricalCodes per categorical column, one code per row into the reader's levels
 * @param labels true = anomalous, one per row
 */
public record Table(String file, int rows, float[] values, int[][] categoricalCodes, boolean[] labels) {}
