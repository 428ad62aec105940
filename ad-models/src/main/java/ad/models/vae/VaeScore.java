package ad.models.vae;

/** The scores a VAE can give a row; see {@link VariationalAutoencoderOptions#score()}. */
enum VaeScore {
  RECONSTRUCTION_PROBABILITY, RECONSTRUCTION_ERROR, NEGATIVE_ELBO;

  static VaeScore named(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
