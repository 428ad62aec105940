/**
 * What every trained family shares: the training options ({@link ad.models.train.TrainingOptions}),
 * the seeded validation hold-out ({@link ad.models.train.Holdout}) and the epoch loop with shuffling,
 * validation, early stopping and best-weights restore ({@link ad.models.train.TrainingLoop}).
 *
 * <p>A family plugs in by implementing {@link ad.models.train.Trainable}: one optimiser step on a
 * mini-batch, a validation loss, and a snapshot/restore of its parameters. The loop owns the
 * bookkeeping so that every family reports a {@link ad.core.TrainingHistory} with the same meaning.
 * Nothing here depends on the engine: a convolutional family with another engine can use it as is.
 */
package ad.models.train;
