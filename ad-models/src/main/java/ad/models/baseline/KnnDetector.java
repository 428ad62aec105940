package ad.models.baseline;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.persist.StateReader;
import java.util.Objects;

/**
 * k-nearest-neighbour distance (type {@code knn}): a row is as anomalous as its neighbourhood among
 * the training rows is empty. The score is the Euclidean distance, on the scaled features, to the k-th
 * nearest training row (Ramaswamy, Rastogi and Shim 2000, "Efficient algorithms for mining outliers
 * from large data sets", SIGMOD), or with {@code score: mean} the mean distance to the k nearest
 * (Angiulli and Pizzuti 2002, "Fast outlier detection in high dimensional spaces", PKDD, who rank by
 * the sum). No training beyond keeping the rows: the training rows are the model. Trained on normal
 * rows only, it ranks with the best published detectors on ADBench's tables (Livernoche et al. 2024,
 * "On diffusion modeling for anomaly detection", ICLR), which is why experiments list it as the
 * baseline to beat.
 *
 * <p><b>Exact and deterministic.</b> Neighbours are found exactly, by a KD-tree for narrow rows or by
 * blocked matrix products for wide ones ({@link KnnOptions#algorithm()}); both report the same
 * double-precision distances, so a score depends neither on the search, nor on threads or batches.
 * Repeated rows are searched once and a training row that occurs n times counts as n neighbours.
 * Ties cannot matter: the k-th distance and the mean of the k nearest are the same whichever of
 * several equally distant rows is taken. The seed is not used.
 *
 * <p><b>A training row is not its own neighbour.</b> Scoring the very dataset the model was fitted on
 * (the same {@link Dataset} object, as a run does for thresholds {@code fit_on: train}), each row's
 * neighbours are the other training rows: it leaves out one occurrence of itself, not its duplicates.
 * Otherwise every training row would have a neighbour at distance 0, training scores would be
 * systematically lower than the scores of new rows drawn from the same distribution, and with
 * {@code k: 1} all zero, so a threshold fitted on them would flag almost everything. This is what
 * scikit-learn's {@code kneighbors()} without a query, and so PyOD's training scores, do. Any other
 * dataset, including the same rows loaded again or read by {@code ad score}, is scored against all
 * training rows: a row that is also a training row then has a neighbour at distance 0.
 *
 * <p><b>Cost.</b> Fitting keeps the distinct training rows (and builds the KD-tree); scoring holds
 * one chunk of query rows, one block of products per thread, and k + 1 candidates per query, over
 * the scoring threads of {@link ad.models.nn.Workers}. The model file holds the distinct
 * training rows and their counts.
 */
public record KnnDetector(KnnOptions options) implements Detector {

  public KnnDetector {
    Objects.requireNonNull(options, "options");
  }

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    Detector.requireNormalOnly(train);
    return KnnModel.fit(train, options);
  }

  @Override
  public DetectorModel load(StateReader in) {
    return KnnModel.load(in, options);
  }
}
