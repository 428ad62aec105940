package ad.models.dense;

import ad.core.TrainingHistory;

/** What an engine returns from training: the weights it kept and how the loss went. */
record TrainedAutoencoder(ReconstructorSource network, TrainingHistory history) {}
