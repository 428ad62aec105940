/**
 * Reading the data folder's simple CSV (comma separated, one header row, no quotes, plain or gzip)
 * fast: lines are split over a byte buffer, numbers parsed from bytes, repeated strings interned, and
 * every error names the file, the line and the column.
 */
package ad.core.data.csv;
