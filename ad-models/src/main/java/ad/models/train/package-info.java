/**
 * What every trained family shares: the training options ({@link ad.models.train.TrainingOptions},
 * flat keys in YAML, the {@code engine} among them), the seeded validation hold-out
 * ({@link ad.models.train.Holdout}) and the one epoch loop ({@link ad.models.train.TrainingLoop}):
 * shuffling, validation, early stopping, best-weights restore, and stopping a diverging run; and the
 * check, before a network is built, that training it can fit in memory
 * ({@link ad.models.train.TrainingMemory}, from the {@link ad.models.network.Architecture}'s parameter
 * count).
 *
 * <p>The loop drives any {@link ad.models.network.Network} of any engine through its
 * {@link ad.models.network.TrainingStep}, so that every family and engine reports a {@link ad.core.TrainingHistory} with the same meaning.
 */
package ad.models.train;
