/**
 * The dense (fully connected) autoencoder: {@link ad.models.dense.DenseAutoencoder} and its options.
 *
 * <p>The engine sits behind a small package-private seam so that it can be replaced: a trainer
 * ({@code Dl4jDenseTrainer}, the only class that builds or trains a DL4J network) returns a
 * {@code ReconstructorSource}, and the model scores through the {@code Reconstructor}s it opens. Error
 * arithmetic, batching, the validation hold-out and the training loop's bookkeeping are plain Java.
 */
package ad.models.dense;
