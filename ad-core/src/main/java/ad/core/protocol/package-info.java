/**
 * How a labelled dataset is split into the parts of an experiment: training data for the model,
 * validation data for the threshold, and test data for the metrics. Every split is seeded.
 *
 * <p>{@code novelty} and {@code novelty_holdout} train on normal rows only, {@code unsupervised} on
 * contaminated rows, and {@code fixed} keeps the train/test parts a source marks. When a protocol
 * fits the threshold on the training rows, its split's validation part is the same instance as its
 * training part.
 */
package ad.core.protocol;
