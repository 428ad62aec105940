package ad.models.network;

/** A network that reconstructs its input: the dense, denoising and convolutional autoencoders. */
public interface AutoencoderNetwork extends Network {

  /** Values per row, in and out. */
  int columns();

  /** A new forward pass over the current parameters, for one thread. */
  Reconstructor reconstructor();

  /**
   * A new pass from rows to their codes, for one thread: the dense autoencoders' (the narrowest
   * hidden layer); the convolutional and LSTM networks have none to offer and throw.
   *
   * @throws UnsupportedOperationException for a network without a dense code
   */
  default Encoder encoder() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no dense code");
  }
}
