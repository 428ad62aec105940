package ad.models.dense;

/** Immutable trained weights; thread-safe, each {@link #open()} gives an independent forward pass. */
interface ReconstructorSource {

  /** The number of columns the network was trained on. */
  int columns();

  /** A new reconstructor that owns its own copy of the network, for use by one thread. */
  Reconstructor open();
}
