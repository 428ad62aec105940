/**
 * The DeepLearning4J engine: the reconstruction families' networks built with DL4J
 * ({@code engine: dl4j}), trained by the project's one training loop and scored in batches.
 *
 * <p>Everything of DL4J stays inside this package, package-private: builders and layers never appear
 * in a public signature, and nothing of DL4J reaches ad-core or ad-eval. Inside:
 * {@code NetworkConfigs} builds the dense, convolutional (1-D and 2-D) and LSTM autoencoders as
 * {@code MultiLayerNetwork}s, {@code Dl4jVae} the variational one as a {@code ComputationGraph} with a
 * reparameterisation vertex and loss terms of its own ({@code ReparameterisationVertex},
 * {@code VaeLosses}); {@code Dl4jNetwork} runs a network on the project's rows ({@code RowLayout}
 * maps rows to DL4J's channels-first arrays), and {@code Dl4jTraining} is the training loop's view of
 * it.
 *
 * <p>Randomness: ND4J keeps one random generator per thread; DL4J seeds the calling thread's from the
 * configuration's seed when a network is initialised, and dropout draws from it on that thread. Every
 * other draw (shuffling, input noise, the VAE's latent draws) comes from the project's own seeded
 * streams. So a fit depends only on its seed, also while other fits run on other threads of the same
 * JVM.
 *
 * <p>Model files hold the options and the parameters as float arrays; the network is rebuilt from the
 * options on load. DL4J's JSON configurations (which name classes) and Java serialisation are never
 * used.
 */
package ad.models.dl4j;
