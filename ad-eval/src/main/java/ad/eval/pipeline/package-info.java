/**
 * Fitted pipelines as files: scaler + model + thresholds + provenance in one zip archive that loads
 * back to identical scores.
 *
 * <p>Layout: {@code manifest.json} (format name and version, each component's registry type and
 * options, the thresholds, feature names, provenance, and the size and SHA-256 of every other entry),
 * then one entry per state value under {@code state/<component>/<key>.<kind>} (raw little-endian
 * {@code f32}, {@code f64}, {@code i32}, or UTF-8 {@code txt}). Reading checks the format and version
 * and every checksum before anything is built, and builds components only through the registry, so a
 * foreign or tampered file is refused with a message and never instantiates an arbitrary class.
 */
package ad.eval.pipeline;
