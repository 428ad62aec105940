package ad.models.dl4j;

import ad.models.network.AutoencoderNetwork;
import ad.models.network.ConvArchitecture;
import ad.models.network.DenseArchitecture;
import ad.models.network.LstmArchitecture;
import ad.models.network.NetworkEngine;
import ad.models.network.VaeArchitecture;
import ad.models.network.VariationalNetwork;

/**
 * The DeepLearning4J engine ({@code engine: dl4j}): every family's network built with DL4J from the
 * same architecture the native engine builds, trained by the shared loop one DL4J step per
 * mini-batch, and scored through DL4J in batches. See the package documentation.
 */
public final class Dl4jEngine implements NetworkEngine {
  public static final Dl4jEngine INSTANCE = new Dl4jEngine();

  private Dl4jEngine() {}

  @Override
  public AutoencoderNetwork dense(DenseArchitecture architecture, long seed) {
    int code = architecture.codeLayer();
    return new Dl4jAutoencoder((lr, l2, s) -> NetworkConfigs.dense(architecture, lr, l2, s),
        architecture.noise(), new Dl4jAutoencoder.Code(
            NetworkConfigs.denseLayerIndex(architecture, code), architecture.codeWidth()),
        seed);
  }

  @Override
  public AutoencoderNetwork conv(ConvArchitecture architecture, long seed) {
    return new Dl4jAutoencoder((lr, l2, s) -> NetworkConfigs.conv(architecture, lr, l2, s), null,
        null, seed);
  }

  @Override
  public VariationalNetwork variational(VaeArchitecture architecture, long seed) {
    return new Dl4jVariational(architecture, seed);
  }

  @Override
  public AutoencoderNetwork lstm(LstmArchitecture architecture, long seed) {
    return new Dl4jAutoencoder((lr, l2, s) -> NetworkConfigs.lstm(architecture, lr, l2, s), null,
        null, seed);
  }
}
