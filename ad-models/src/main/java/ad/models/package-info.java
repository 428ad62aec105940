/**
 * The anomaly detectors of ad, registered with {@link ad.models.ModelComponents}: the autoencoder
 * families and the baselines. Every detector is an {@link ad.core.Detector}: callers see only ad-core
 * types, never an engine's.
 *
 * <p>Layout: each family ({@link ad.models.dense}, {@link ad.models.conv}, {@link ad.models.vae}) is an
 * options record and an architecture; {@link ad.models.network} is the seam between families and
 * engines (engine-neutral network descriptions, the interfaces an engine implements, the dispatch on
 * the option {@code engine}); {@link ad.models.nn} is ad's own engine; {@link ad.models.train} holds
 * the shared training options and the one training loop, {@link ad.models.recon} the one base of the
 * trained models, {@link ad.models.state} the checks of saved state; {@link ad.models.baseline} the
 * baselines (Isolation Forest, PCA).
 */
package ad.models;
