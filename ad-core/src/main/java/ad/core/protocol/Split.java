package ad.core.protocol;

import ad.core.Dataset;

/**
 * The parts of one experiment cell.
 *
 * @param train what the scaler and the detector are fitted on
 * @param validation held-out rows whose scores the thresholder is fitted on
 * @param test what the metrics are computed on
 */
public record Split(Dataset train, Dataset validation, Dataset test) {}
