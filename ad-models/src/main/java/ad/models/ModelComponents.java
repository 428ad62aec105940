package ad.models;

import ad.core.Detector;
import ad.core.registry.ComponentProvider;
import ad.core.registry.ComponentType;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import java.util.List;

/** Registers the detectors of ad-models; listed in {@code META-INF/services}. */
public final class ModelComponents implements ComponentProvider {

  @Override
  public List<ComponentType<?, ?>> components() {
    return List.of(
        ComponentType.of(Detector.class, "conv_autoencoder", "convolutional autoencoder for images (h x w x c) and series windows (steps x c); score = mean squared reconstruction error per row; engine: native | dl4j", ad.models.conv.ConvAutoencoderOptions.class, ad.models.conv.ConvAutoencoder::new),
        ComponentType.of(Detector.class, "lstm_autoencoder", "LSTM encoder-decoder for series windows (steps x c); score = mean squared (or absolute) reconstruction error per window; engine: native | dl4j", ad.models.lstm.LstmAutoencoderOptions.class, ad.models.lstm.LstmAutoencoder::new),
        ComponentType.of(Detector.class, "isolation_forest", "Isolation Forest baseline (Liu, Ting and Zhou 2008; extended forest with extension_level); score = 2^(-mean path length / c)", ad.models.baseline.IsolationForestOptions.class, ad.models.baseline.IsolationForestDetector::new).asBaseline(),
        ComponentType.of(Detector.class, "knn", "k-nearest-neighbour baseline (exact; KD-tree or blocked BLAS); score = distance to the k-th nearest training row, or the mean over the k nearest", ad.models.baseline.KnnOptions.class, ad.models.baseline.KnnDetector::new).asBaseline(),
        ComponentType.of(Detector.class, "pca", "PCA baseline; score = mean squared reconstruction error from the leading components", ad.models.baseline.PcaOptions.class, ad.models.baseline.PcaDetector::new).asBaseline(),
        ComponentType.of(Detector.class, "denoising_autoencoder", "dense autoencoder trained to reconstruct clean rows from noisy ones; score = mean squared reconstruction error per row; engine: native | dl4j", ad.models.dense.DenoisingAutoencoderOptions.class, ad.models.dense.DenoisingAutoencoder::new),
        ComponentType.of(Detector.class, "variational_autoencoder", "variational autoencoder (ELBO, beta-VAE); score = reconstruction probability (default), reconstruction error or negative ELBO; engine: native | dl4j", ad.models.vae.VariationalAutoencoderOptions.class, ad.models.vae.VariationalAutoencoder::new),
        ComponentType.of(Detector.class, "dense_autoencoder",
            "fully connected autoencoder; score = mean squared reconstruction error per row; engine: native | dl4j",
            DenseAutoencoderOptions.class, DenseAutoencoder::new));
  }
}
