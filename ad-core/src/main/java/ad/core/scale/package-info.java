/**
 * Feature scaling. A {@link ad.core.scale.Scaler} is fitted on the training split only and the fitted
 * transform is then applied, unchanged, to validation and test data, so that no statistic of the test
 * data leaks into the model.
 */
package ad.core.scale;
