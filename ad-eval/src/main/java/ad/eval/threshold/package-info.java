/**
 * Thresholders: rules that turn reference scores (normally those of held-out normal rows) into an
 * {@link ad.core.Threshold}, registered by {@link ad.eval.threshold.ThresholderComponents} as
 * {@code mean_std}, {@code percentile}, {@code contamination}, {@code fixed}, {@code iqr},
 * {@code mad}, {@code modified_zscore}, {@code otsu}, {@code gmm}, {@code spot} and the oracle
 * {@code best_f1}.
 *
 * <p>Each thresholder is its own options record: YAML binds to it, its compact constructor substitutes
 * defaults and rejects bad values with an {@link ad.core.registry.OptionException}, and {@code fit} turns
 * unusable reference scores (too few, NaN or infinite) into an {@link ad.core.UserException}, because
 * those come from the user's data or protocol, not from a bug. The NaN message names how many scores
 * are bad and the first rows ({@link ad.core.Scores#requireFinite}).
 *
 * <p>A threshold flags scores strictly above it, so a reference score equal to the threshold (for
 * instance every score of a constant reference) is not flagged. Every rule built on a spread (mean_std,
 * iqr, mad, modified_zscore, otsu, gmm, spot) returns that constant for constant reference scores,
 * with a rule string that says so; each documents its minimum number of scores and its other
 * degenerate cases.
 *
 * <p>Which reference: the label-free rules are fitted on whatever scores the runner passes. The
 * density rules ({@code mean_std}, {@code percentile}, {@code iqr}, {@code mad}, {@code
 * modified_zscore}, {@code spot}) are meant for normal validation scores; the separation rules
 * ({@code contamination}, {@code otsu}, {@code gmm}) look for the anomalies among the scores and are
 * meant for contaminated scores (training or test).
 *
 * <p><b>Oracles.</b> {@link ad.eval.threshold.LabelledThresholder} marks a thresholder that needs the
 * labels ({@code best_f1}). The runner must: (a) refuse it unless the spec allows oracles; (b) fit it
 * with {@code fit(testScores, testLabels)}, never {@code fit(reference)} (which throws); (c) mark every
 * output row, file and chart of that cell as oracle; the threshold's rule starts with {@code
 * "oracle: "} so that even a bare rule string cannot pass for a label-free result.
 *
 * <p>For streams, {@link ad.eval.threshold.Spot} is SPOT/DSPOT with a per-score {@code update}.
 */
package ad.eval.threshold;
