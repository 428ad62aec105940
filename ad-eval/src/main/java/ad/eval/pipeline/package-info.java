/**
 * Fitted pipelines as files: encoder + scaler + model + thresholds + provenance in one zip archive
 * that loads back to identical scores.
 *
 * <p>Layout: {@code manifest.json} (format name and version, each component's registry type and
 * options, the thresholds, feature names, the raw-column layout under {@code input} (numeric and
 * categorical columns, and, for the record, the dropped and label columns of the training source;
 * for a series pipeline the channels), for a series pipeline {@code series} (window, stride,
 * {@code point_scores} aggregation, timestamp column: see {@link ad.eval.pipeline.Windowing}),
 * provenance, and the size and SHA-256 of every other entry), then one entry per state value under
 * {@code state/<component>/<key>.<kind>} (raw little-endian {@code f32}, {@code f64}, {@code i32},
 * or UTF-8 {@code txt}); {@code state/encoder/} holds the categories learned per categorical column.
 * Reading checks the format and version and every checksum before anything is built, and builds
 * components only through the registry, so a foreign or tampered file is refused with a message and
 * never instantiates an arbitrary class. Nothing the file declares is trusted before it is checked
 * ({@link ad.eval.pipeline.ModelArchive}): each entry is read only up to its recorded size, sizes and
 * counts are bounded before reading, and duplicated or unlisted entries refuse the file.
 *
 * <p>Versions: a file records the oldest format version that reads it. Version 1 files (no
 * {@code encoder}, no {@code input}) are read as all-numeric pipelines; version 2 adds the encoder
 * and is written only for pipelines with categorical columns, so that an older ad refuses those
 * with "upgrade" instead of asking for one-hot feature names as input columns; version 3 adds the
 * {@code series} section and is written only for series pipelines, which an older ad would misread
 * as pipelines over single rows; version 4 is written when a component's state needs it
 * ({@link ad.core.persist.StateWriter#requireFormatVersion}): isolation forests saved as their trees.
 *
 * <p>Fitting one from Java: {@link ad.eval.pipeline.PipelineBuilder} (scaler, detector options record,
 * thresholders; fitted as an experiment cell fits them).
 *
 * <p>Scoring: {@link ad.eval.pipeline.StreamingScorer} scores rows (CSV) and images (IDX) one by one;
 * {@link ad.eval.pipeline.SeriesScorer} scores the points of a series file through its windows.
 */
package ad.eval.pipeline;
