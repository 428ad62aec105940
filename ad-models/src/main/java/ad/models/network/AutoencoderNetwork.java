package ad.models.network;

/** A network that reconstructs its input: the dense, denoising and convolutional autoencoders. */
public interface AutoencoderNetwork extends Network {

  /** Values per row, in and out. */
  int columns();

  /** A new forward pass over the current parameters, for one thread. */
  Reconstructor reconstructor();
}
