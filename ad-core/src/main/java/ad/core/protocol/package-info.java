/**
 * How a labelled dataset is split into the parts of an experiment: training data for the model,
 * validation data for the threshold, and test data for the metrics. Every split is seeded.
 */
package ad.core.protocol;
