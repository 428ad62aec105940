/**
 * Where datasets come from: files under the data root ({@code csv} tables, {@code idx_images},
 * windowed {@code series}), or generated ones ({@code synthetic}). Relative paths resolve against
 * the data root ({@link ad.core.data.DataRoot}); a missing file names the root and how to change it.
 * Sources with given train and test files mark each row's {@link ad.core.Dataset.Part} for the
 * {@code fixed} protocol.
 */
package ad.core.data;
