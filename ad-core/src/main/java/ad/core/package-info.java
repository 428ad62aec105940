/**
 * The API of ad, with no dependency beyond the JDK.
 *
 * <p>The flow of one experiment cell: a {@link ad.core.data.DatasetSource} loads a {@link ad.core.Dataset};
 * a {@link ad.core.protocol.Protocol} splits it into train, validation and test parts; a
 * {@link ad.core.scale.Scaler} is fitted on the training part only; a {@link ad.core.Detector} is fitted
 * on the (scaled) training part and yields an immutable {@link ad.core.DetectorModel}, whose
 * {@link ad.core.Scores} are higher for more anomalous rows; a {@link ad.core.Thresholder} is fitted on
 * reference scores and yields a {@link ad.core.Threshold} that applies to scores it has never seen.
 *
 * <p>No deep-learning type appears here: models live in {@code ad-models} behind {@link ad.core.Detector}.
 */
package ad.core;
