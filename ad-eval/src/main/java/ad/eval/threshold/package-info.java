/**
 * Thresholders: rules that turn reference scores (normally those of held-out normal rows) into an
 * {@link ad.core.Threshold}, registered as {@code mean_std}, {@code percentile} and {@code fixed} by
 * {@link ad.eval.threshold.ThresholderComponents}.
 *
 * <p>Each thresholder is its own options record: YAML binds to it, its compact constructor substitutes
 * defaults and rejects bad values with an {@link ad.core.registry.OptionException}, and {@code fit} turns
 * unusable reference scores (too few, NaN or infinite) into an {@link ad.core.UserException}, because
 * those come from the user's data or protocol, not from a bug.
 *
 * <p>A threshold flags scores strictly above it, so a reference score equal to the threshold (for
 * instance every score of a constant reference) is not flagged.
 */
package ad.eval.threshold;
