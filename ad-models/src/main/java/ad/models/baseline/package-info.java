/**
 * Cheap baseline detectors: {@link ad.models.baseline.IsolationForestDetector} (type
 * {@code isolation_forest}: ad's own seeded trees, no global state) and
 * {@link ad.models.baseline.PcaDetector} (type {@code pca}, on Smile: reconstruction error). They implement {@link ad.core.Detector} like the autoencoders, so every experiment can list
 * them beside its models and every report shows whether an autoencoder beats a cheap baseline.
 */
package ad.models.baseline;
