/**
 * Anomaly detectors built on DeepLearning4J/ND4J, registered with {@link ad.models.ModelComponents}.
 *
 * <p>Every detector here is an {@link ad.core.Detector}: callers see only ad-core types, never a DL4J or
 * ND4J one, so that an engine can be replaced without touching experiments.
 */
package ad.models;
