package ad.models.nn;

import ad.core.Seeds;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.ConvArchitecture;
import ad.models.network.DenseArchitecture;
import ad.models.network.LstmArchitecture;
import ad.models.network.NetworkEngine;
import ad.models.network.VaeArchitecture;
import ad.models.network.VariationalNetwork;

/**
 * ad's own engine ({@code engine: native}): dense networks as OpenBLAS products on Java arrays
 * ({@link Mlp}), convolutional ones one sample at a time through cache-resident Java layers with
 * Vector API kernels ({@link LayerStack}), LSTMs as OpenBLAS products per step with the gate
 * arithmetic in Java loops ({@link LstmAutoencoderNet}). Weights start from the fit seed's
 * {@code "init"} stream ({@code "init-encoder"} and {@code "init-decoder"} for a VAE).
 */
public final class NativeEngine implements NetworkEngine {
  public static final NativeEngine INSTANCE = new NativeEngine();

  private NativeEngine() {}

  @Override
  public AutoencoderNetwork dense(DenseArchitecture architecture, long seed) {
    return new MlpAutoencoder(architecture, Seeds.derive(seed, "init"));
  }

  @Override
  public AutoencoderNetwork conv(ConvArchitecture architecture, long seed) {
    return new ConvAutoencoderNet(architecture, Seeds.derive(seed, "init"));
  }

  @Override
  public VariationalNetwork variational(VaeArchitecture architecture, long seed) {
    return new MlpVae(architecture, seed);
  }

  @Override
  public AutoencoderNetwork lstm(LstmArchitecture architecture, long seed) {
    return new LstmAutoencoderNet(architecture, Seeds.derive(seed, "init"));
  }

  /**
   * The BLAS (OpenMP) threads each engine thread uses: 1 unless {@code OMP_NUM_THREADS} is set. The
   * application chooses this; users do not. For benchmark reports and logs.
   */
  public static int blasThreads() {
    return Blas.threads();
  }
}
