package ad.models.dense;

import ad.models.engine.Mlp;
import ad.models.engine.MlpPass;

/**
 * Trained weights as a {@link ReconstructorSource}: a private copy of the network that is never
 * changed, and a new copy with its own buffers for every {@link #open()}, so scoring from several
 * threads at once shares nothing mutable. A copy costs microseconds for these nets.
 */
final class EngineReconstructors implements ReconstructorSource {
  private final Mlp weights;

  EngineReconstructors(Mlp trained) {
    this.weights = trained.copy();
  }

  @Override
  public int columns() {
    return weights.inputs();
  }

  /** A copy of the trained network, to save it. */
  Mlp weights() {
    return weights.copy();
  }

  @Override
  public Reconstructor open() {
    MlpPass pass = new MlpPass(weights.copy(), ReconstructionErrors.BATCH_ROWS);
    return pass::forward;
  }
}
