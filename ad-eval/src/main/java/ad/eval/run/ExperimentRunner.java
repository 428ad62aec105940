package ad.eval.run;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.Seeds;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.data.DataContext;
import ad.core.data.DatasetSource;
import ad.core.protocol.Split;
import ad.core.scale.FittedScaler;
import ad.eval.metrics.AveragePrecision;
import ad.eval.metrics.ConfusionMatrix;
import ad.eval.metrics.RocAuc;
import ad.eval.spec.Component;
import ad.eval.spec.ExperimentSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every cell of an experiment in a fixed order (dataset, then seed, then detector) and writes
 * results and charts under one output folder.
 *
 * <p>A cell that fails (a model that diverges, data the detector cannot take) is recorded with its
 * error and the run goes on; the rows written so far are rewritten atomically after every cell.
 * Randomness comes only from the experiment seeds: the split uses stream "split", the model stream
 * "model", so every detector of a cell sees the same split and the same initialisation stream.
 */
public final class ExperimentRunner {
  private final ExperimentSpec spec;
  private final DataContext dataContext;
  private final Path outputDirectory;
  private final RunListener listener;

  public ExperimentRunner(ExperimentSpec spec, DataContext dataContext, Path outputDirectory,
      RunListener listener) {
    this.spec = spec;
    this.dataContext = dataContext;
    this.outputDirectory = outputDirectory;
    this.listener = listener;
  }

  public RunSummary run() {
    long start = System.nanoTime();
    ResultsWriter writer = new ResultsWriter(outputDirectory, spec);
    CellCharts charts = new CellCharts(outputDirectory.resolve("charts"));
    List<CellResult> results = new ArrayList<>();
    int total = spec.cellCount();
    for (Component<DatasetSource> source : spec.datasets()) {
      Dataset data;
      try {
        data = source.instance().load(dataContext).withName(source.name());
      } catch (UserException e) {
        for (long seed : spec.seeds()) {
          for (Component<Detector> detector : spec.detectors()) {
            CellResult failed = failure(source.name(), detector, seed,
                "dataset '" + source.name() + "': " + e.getMessage());
            results.add(failed);
            listener.cellFinished(results.size(), total, failed);
          }
        }
        writer.write(results);
        continue;
      }
      for (long seed : spec.seeds()) {
        PreparedSplit split = null;
        String splitError = null;
        try {
          split = prepare(data, seed);
        } catch (UserException e) {
          splitError = e.getMessage();
        }
        for (Component<Detector> detector : spec.detectors()) {
          int index = results.size() + 1;
          listener.cellStarted(index, total, source.name(), detector.name(), seed);
          CellResult result;
          if (split == null) {
            result = failure(source.name(), detector, seed, splitError);
          } else {
            try {
              result = evaluate(split, detector, seed, charts);
            } catch (UserException e) {
              result = failure(source.name(), detector, seed, e.getMessage());
            } catch (RuntimeException e) {
              // A bug or a library failure in one cell must not lose the others.
              result = failure(source.name(), detector, seed, "internal error: " + e);
            }
          }
          results.add(result);
          writer.write(results);
          listener.cellFinished(index, total, result);
        }
      }
    }
    writer.write(results);
    return new RunSummary(outputDirectory, results, (System.nanoTime() - start) / 1e9);
  }

  /** A split whose parts are scaled with statistics of the training part only. */
  private record PreparedSplit(Dataset train, Dataset validation, Dataset test) {}

  private PreparedSplit prepare(Dataset data, long seed) {
    Split split = spec.protocol().instance().split(data, Seeds.derive(seed, "split"));
    if (split.test().rows() == 0) {
      throw new UserException("dataset '" + data.name() + "': the protocol left no test rows");
    }
    FittedScaler scaler = spec.scaler().instance().fit(split.train());
    return new PreparedSplit(scaler.transform(split.train()), scaler.transform(split.validation()),
        scaler.transform(split.test()));
  }

  private CellResult evaluate(PreparedSplit split, Component<Detector> detector, long seed,
      CellCharts charts) {
    String dataset = split.train().name();
    long t0 = System.nanoTime();
    DetectorModel model = detector.instance().fit(split.train(), Seeds.derive(seed, "model"));
    double fitSeconds = (System.nanoTime() - t0) / 1e9;

    long t1 = System.nanoTime();
    Scores testScores = model.score(split.test());
    double scoreSeconds = (System.nanoTime() - t1) / 1e9;
    testScores.requireFinite("test scores of '" + detector.name() + "' on '" + dataset + "'");

    // The threshold is fitted on held-out normal rows; without any, on the training rows (whose
    // errors are optimistic, so such a threshold flags more).
    Dataset reference = split.validation().rows() > 0 ? split.validation() : split.train();
    if (reference == split.train()) {
      listener.warn("no validation rows: the threshold for '" + detector.name() + "' on '" + dataset
          + "' is fitted on training scores");
    }
    Scores referenceScores = model.score(reference)
        .requireFinite("reference scores of '" + detector.name() + "' on '" + dataset + "'");
    Threshold threshold = spec.thresholder().instance().fit(referenceScores);

    boolean[] labels = split.test().labels();
    double[] scores = testScores.values();
    ConfusionMatrix cm = ConfusionMatrix.of(labels, threshold.apply(testScores));
    boolean bothClasses = cm.tp() + cm.fn() > 0 && cm.tn() + cm.fp() > 0;
    double rocAuc = bothClasses ? RocAuc.of(labels, scores) : Double.NaN;
    double prAuc = bothClasses ? AveragePrecision.of(labels, scores) : Double.NaN;
    if (!bothClasses) {
      listener.warn("test set of '" + dataset + "' has a single class: ranking metrics undefined");
    }
    int epochs = model.trainingHistory().map(h -> h.epochs()).orElse(0);
    String cellName = dataset + "-" + detector.name() + "-seed" + seed;
    charts.write(cellName, detector.name() + " on " + dataset + " (seed " + seed + ")", detector.name(),
        labels, scores, threshold, rocAuc);

    return new CellResult(spec.name(), dataset, detector.name(), detector.type(), seed,
        CellResult.OK, "", spec.thresholder().name(), threshold.value(), threshold.rule(),
        split.train().rows(), split.validation().rows(), split.test().rows(), cm.tp() + cm.fn(),
        cm.tp(), cm.fp(), cm.tn(), cm.fn(), cm.precision(), cm.recall(), cm.f1(), rocAuc, prAuc,
        epochs, fitSeconds, scoreSeconds);
  }

  private CellResult failure(String dataset, Component<Detector> detector, long seed, String error) {
    return CellResult.failure(spec.name(), dataset, detector.name(), detector.type(), seed,
        spec.thresholder().name(), error);
  }
}
