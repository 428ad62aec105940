/**
 * Cheap baseline detectors: {@link ad.models.baseline.IsolationForestDetector} (type
 * {@code isolation_forest}: ad's own seeded trees, no global state), {@link ad.models.baseline.PcaDetector}
 * (type {@code pca}, on Smile: reconstruction error or Mahalanobis distance) and
 * {@link ad.models.baseline.KnnDetector} (type {@code knn}, the distance to the k-th nearest training
 * row, searched exactly by a KD-tree or blocked matrix products). They implement
 * {@link ad.core.Detector} like the autoencoders, so every experiment can list them beside its models
 * and every report shows whether an autoencoder beats a cheap baseline.
 */
package ad.models.baseline;
