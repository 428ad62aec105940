package ad.eval.run;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.Seeds;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.eval.metrics.AveragePrecision;
import ad.eval.metrics.ConfusionMatrix;
import ad.eval.metrics.Measures;
import ad.eval.metrics.RocAuc;
import ad.eval.threshold.LabelledThresholder;
import ad.eval.run.PreparedData.PreparedSplit;
import ad.eval.spec.Component;
import ad.eval.spec.ExperimentSpec;
import ad.core.TrainingHistory;
import ad.core.series.WindowIndex;
import ad.eval.spec.ThresholdRule;
import ad.eval.pipeline.Pipeline.NamedThreshold;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one cell: fits the detector once, scores the validation and test parts once, then applies
 * every thresholder to the same scores, giving one result row per thresholder.
 */
final class CellEvaluator {
  private final ExperimentSpec spec;
  private final CellCharts charts;
  private final RunListener listener;
  private final ModelSaver models;
  private final Path pointsDirectory;

  /**
   * @param modelsDirectory where pipelines go ({@code save_models})
   * @param pointsDirectory where series point scores go ({@code save_point_scores})
   */
  CellEvaluator(ExperimentSpec spec, CellCharts charts, RunListener listener, Path modelsDirectory,
      Path pointsDirectory) {
    this.spec = spec;
    this.charts = charts;
    this.listener = listener;
    this.models = new ModelSaver(spec, listener, modelsDirectory);
    this.pointsDirectory = pointsDirectory;
  }

  CellOutcome evaluate(Cell cell, PreparedSplit split) {
    String dataset = cell.dataset().name();
    String detector = cell.detector().name();
    Fit fit = split.series() != null && spec.options().perFileModels()
        ? fitPerFile(cell, split) : fitShared(cell, split, testScorer(split, file -> split.scaler()));
    TestUnits units = TestUnits.of(split, fit.testScores(), spec.options().pointScores());
    if (spec.options().savePointScores() && split.series() != null) {
      PointScoresFile.write(pointsDirectory.resolve(cell.fileLabel() + ".csv"), units.files());
    }
    DetectorModel model = fit.model();
    double fitSeconds = fit.fitSeconds();
    double scoreSeconds = fit.scoreSeconds();

    boolean[] labels = units.labels();
    double[] scores = units.scores();
    int anomalies = count(labels);
    boolean bothClasses = anomalies > 0 && anomalies < labels.length;
    double rocAuc = bothClasses ? RocAuc.of(labels, scores) : Double.NaN;
    double prAuc = bothClasses ? AveragePrecision.of(labels, scores) : Double.NaN;
    if (!bothClasses) {
      listener.warn("test set of '" + dataset + "' has a single class: ranking metrics undefined");
    }
    int epochs = fit.epochs();

    List<CellResult> rows = new ArrayList<>();
    List<NamedThreshold> fitted = new ArrayList<>();
    Threshold firstThreshold = null;
    for (ThresholdRule rule : spec.thresholders()) {
      Component<Thresholder> thresholder = rule.thresholder();
      boolean oracle = LabelledThresholder.isOracle(thresholder.instance());
      // An oracle picks its threshold with the test labels, on the units the metrics count.
      Decision decision;
      try {
        decision = oracle
            ? Decision.of(((LabelledThresholder) thresholder.instance()).fit(new Scores(scores), labels))
            : fit.decide(rule);
      } catch (ad.core.UserException e) {
        // A rule that cannot fit these scores (too few in the tail, say) fails its own row only:
        // the model and the other rules' rows are still good.
        rows.add(CellResult.failure(spec.name(), dataset, detector, cell.detector().type(), cell.seed(),
            cell.id(), thresholder.name(), "thresholder '" + thresholder.name() + "': " + e.getMessage()));
        continue;
      }
      Threshold threshold = decision.threshold();
      boolean first = firstThreshold == null;
      if (first) {
        firstThreshold = threshold;
      }
      if (!oracle && model != null) {
        fitted.add(new NamedThreshold(thresholder.name(), thresholder.type(), threshold));
      }
      boolean[] predictions = decision.predictions(units);
      ConfusionMatrix cm = ConfusionMatrix.of(labels, predictions);
      SeriesFigures series = units.seriesFigures(predictions);
      Map<String, Double> measures = new LinkedHashMap<>();
      for (String name : spec.options().metrics()) {
        measures.put(name, bothClasses || Measures.get(name).needsThreshold()
            ? Measures.get(name).of(labels, scores, predictions) : Double.NaN);
      }
      if (spec.options().charts()) {
        String title = detector + " on " + dataset + " (seed " + cell.seed() + ")" + (oracle ? " [oracle]" : "");
        String label = cell.fileLabel() + (spec.thresholders().size() > 1
            ? "-" + Cell.safe(thresholder.name()) : "");
        charts.write(label, title, detector, labels, scores, threshold, first ? rocAuc : Double.NaN,
            cell.fileLabel());
      }
      rows.add(new CellResult(spec.name(), dataset, detector, cell.detector().type(), cell.seed(),
          cell.id(), CellResult.OK, "", thresholder.name(),
          oracle ? "test labels" : fit.fitOn(rule), oracle, threshold.value(), threshold.rule(), split.train().rows(),
          split.validationIsTrain() ? 0 : split.validation().rows(), labels.length, anomalies,
          split.unseenCategories(), cm.tp(), cm.fp(), cm.tn(), cm.fn(), cm.precision(), cm.recall(), cm.f1(),
          rocAuc, prAuc, cm.falseAlarmRate(), cm.missedAlarmRate(), series.pointAdjustedF1(),
          series.eventPrecision(), series.eventRecall(), series.eventF1(), measures, epochs, fitSeconds,
          scoreSeconds));
    }
    if (spec.saveModels()) {
      if (model == null) {
        models.savePerFile(cell, split, fit.files());
      } else {
        models.saveShared(cell, split, model, fitted);
      }
    }
    CellCurves curves = CellCurves.of(labels, scores, bothClasses, fit.history());
    if (spec.options().charts() && cell.seed() == spec.seeds().get(0)) {
      curves = curves.withSamples(split.series() == null ? ImageSample.of(model, split.test(), scores) : null,
          split.series() != null && units.firstFile() != null
              ? SeriesSample.of(units.firstFile(), split.test(), split.series(),
              firstThreshold == null ? Double.NaN : firstThreshold.value()) : null);
    }
    return new CellOutcome(rows, curves);
  }

  /**
   * The fitted model(s) of a cell: their test window scores in test order, and how each threshold
   * rule decides. {@code model} is null when each series file has its own; {@code files} then holds
   * them when models are saved (and is empty otherwise).
   */
  private record Fit(DetectorModel model, Scores testScores, double fitSeconds, double scoreSeconds,
      int epochs, TrainingHistory history, java.util.function.Function<ThresholdRule, Decision> decider,
      java.util.function.Function<ThresholdRule, String> fitOnName, List<FileModel> files) {
    Decision decide(ThresholdRule rule) {
      return decider.apply(rule);
    }

    String fitOn(ThresholdRule rule) {
      return fitOnName.apply(rule);
    }
  }

  /** A threshold and how it turns unit scores into decisions (one threshold, or one per file). */
  private record Decision(Threshold threshold, java.util.function.Function<TestUnits, boolean[]> rule) {
    static Decision of(Threshold threshold) {
      return new Decision(threshold, units -> threshold.apply(new Scores(units.scores())));
    }

    boolean[] predictions(TestUnits units) {
      return rule.apply(units);
    }
  }

  /**
   * How a model scores the test part: row by row for tables; for series, each file's windows in the
   * chunks {@code ad score} uses (see {@link SeriesTestScores}), so that saved pipelines reproduce the
   * run's point scores bit for bit.
   */
  private static java.util.function.Function<DetectorModel, Scores> testScorer(PreparedSplit split,
      java.util.function.IntFunction<ad.core.scale.FittedScaler> scalerOfFile) {
    if (split.series() == null) {
      return model -> model.score(split.test());
    }
    return model -> SeriesTestScores.of(model, split.test(), split.windows(), split.series(), scalerOfFile);
  }

  /** One model for the cell, fitted on the whole training part. */
  private Fit fitShared(Cell cell, PreparedSplit split,
      java.util.function.Function<DetectorModel, Scores> testScorer) {
    String dataset = cell.dataset().name();
    String detector = cell.detector().name();
    long t0 = System.nanoTime();
    // Every detector of a cell draws from the same "model" stream, so variants differ by their
    // options only, not by luck of the draw.
    DetectorModel model = cell.detector().instance().fit(split.train(), Seeds.derive(cell.seed(), "model"));
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    Scores testScores = testScorer.apply(model);
    double scoreSeconds = (System.nanoTime() - t1) / 1e9;
    testScores.requireFinite("test scores of '" + detector + "' on '" + dataset + "'");
    ReferenceScores references = new ReferenceScores(model, split, testScores, detector, dataset);
    return new Fit(model, testScores, fitSeconds, scoreSeconds,
        model.trainingHistory().map(h -> h.epochs()).orElse(0), model.trainingHistory().orElse(null),
        rule -> Decision.of(rule.thresholder().instance().fit(references.get(rule.fitOn()))),
        rule -> references.actual(rule.fitOn()).yamlName(), List.of());
  }

  /**
   * One model per series file, each fitted on that file's training windows and thresholded on that
   * file's reference scores, as SKAB's reference detectors are; the points of every file are then
   * pooled for the metrics.
   */
  private Fit fitPerFile(Cell cell, PreparedSplit split) {
    WindowIndex index = split.series();
    Map<Integer, int[]> trainRows = PerFileScaling.rowsByFile(split.train(), index);
    Map<Integer, int[]> validationRows = PerFileScaling.rowsByFile(split.validation(), index);
    Map<Integer, int[]> testRows = PerFileScaling.rowsByFile(split.test(), index);
    double[] testScores = new double[split.test().rows()];
    Map<ThresholdRule, Map<String, Threshold>> thresholds = new LinkedHashMap<>();
    Map<ThresholdRule, String> fitOn = new LinkedHashMap<>();
    Map<ThresholdRule, String> failures = new LinkedHashMap<>();
    // Kept only to be saved: a run that does not save models holds one file's model at a time.
    Map<Integer, DetectorModel> fileModels = new LinkedHashMap<>();
    double fitSeconds = 0;
    double scoreSeconds = 0;
    int epochs = 0;
    for (Map.Entry<Integer, int[]> e : testRows.entrySet()) {
      String file = index.files().get(e.getKey()).name();
      int[] trainOfFile = trainRows.get(e.getKey());
      if (trainOfFile == null) {
        throw new ad.core.UserException("series file '" + file + "' has no training windows: lengthen its "
            + "training part (train_prefix or train_fraction) to at least one window");
      }
      Dataset train = split.train().select(trainOfFile);
      Dataset validation = split.validationIsTrain() || !validationRows.containsKey(e.getKey())
          ? train : split.validation().select(validationRows.get(e.getKey()));
      Dataset test = split.test().select(e.getValue());
      PreparedSplit fileSplit = new PreparedSplit(train, validation, test,
          split.validationIsTrain() || validation == train, split.encoder(), 0, null, null, index, split.windows());
      Fit fit = fitShared(cell, fileSplit, testScorer(fileSplit,
          f -> split.fileScaling().scaler(f)));
      if (spec.saveModels()) {
        fileModels.put(e.getKey(), fit.model());
      }
      fitSeconds += fit.fitSeconds();
      scoreSeconds += fit.scoreSeconds();
      epochs = Math.max(epochs, fit.epochs());
      double[] scores = fit.testScores().values();
      for (int i = 0; i < scores.length; i++) {
        testScores[e.getValue()[i]] = scores[i];
      }
      for (ThresholdRule rule : spec.thresholders()) {
        if (!LabelledThresholder.isOracle(rule.thresholder().instance()) && !failures.containsKey(rule)) {
          try {
            thresholds.computeIfAbsent(rule, r -> new LinkedHashMap<>()).put(file, fit.decide(rule).threshold());
            fitOn.put(rule, fit.fitOn(rule));
          } catch (ad.core.UserException x) {
            failures.put(rule, "series file '" + file + "': " + x.getMessage());
          }
        }
      }
    }
    int files = testRows.size();
    List<FileModel> models = new ArrayList<>();
    for (Map.Entry<Integer, DetectorModel> e : fileModels.entrySet()) {
      // The rules that fitted on every file: a rule that failed on one fails the cell's row, and
      // is saved for no file, as a failed rule is not saved with a shared model either.
      List<NamedThreshold> saved = new ArrayList<>();
      for (ThresholdRule rule : spec.thresholders()) {
        if (thresholds.containsKey(rule) && !failures.containsKey(rule)) {
          String file = index.files().get(e.getKey()).name();
          saved.add(new NamedThreshold(rule.thresholder().name(), rule.thresholder().type(),
              thresholds.get(rule).get(file)));
        }
      }
      models.add(new FileModel(e.getKey(), e.getValue(), split.fileScaling().scaler(e.getKey()),
          split.train().select(trainRows.get(e.getKey())), saved));
    }
    return new Fit(null, new Scores(testScores), fitSeconds, scoreSeconds, epochs, null,
        rule -> {
          if (failures.containsKey(rule)) {
            throw new ad.core.UserException(failures.get(rule));
          }
          Map<String, Threshold> byFile = thresholds.get(rule);
          String ruleText = byFile.values().iterator().next().rule() + ", per file (" + files + " files)";
          return new Decision(new Threshold(Double.POSITIVE_INFINITY, ruleText), units -> units.predictions(byFile));
        },
        rule -> fitOn.getOrDefault(rule, rule.fitOn().yamlName()), models);
  }

  /**
   * The scores thresholds are fitted on, computed at most once each. Validation falls back to the
   * training rows when the protocol held none out (their errors are optimistic, so such a threshold
   * flags more); the row records which was used.
   */
  private final class ReferenceScores {
    private final DetectorModel model;
    private final PreparedSplit split;
    private final Scores test;
    private final String detector;
    private final String dataset;
    private Scores train;
    private Scores validation;

    ReferenceScores(DetectorModel model, PreparedSplit split, Scores test, String detector, String dataset) {
      this.model = model;
      this.split = split;
      this.test = test;
      this.detector = detector;
      this.dataset = dataset;
    }

    ThresholdRule.FitOn actual(ThresholdRule.FitOn wanted) {
      return wanted == ThresholdRule.FitOn.VALIDATION
          && (split.validationIsTrain() || split.validation().rows() == 0) ? ThresholdRule.FitOn.TRAIN : wanted;
    }

    Scores get(ThresholdRule.FitOn wanted) {
      switch (actual(wanted)) {
        case TEST:
          return test;
        case VALIDATION:
          if (validation == null) {
            validation = finite(model.score(split.validation()), "validation");
          }
          return validation;
        default:
          if (wanted != ThresholdRule.FitOn.TRAIN && !split.validationIsTrain()) {
            listener.warn("no validation rows: thresholds for '" + detector + "' on '" + dataset
                + "' are fitted on training scores");
          }
          if (train == null) {
            train = finite(model.score(split.train()), "training");
          }
          return train;
      }
    }

    private Scores finite(Scores scores, String part) {
      return scores.requireFinite(part + " scores of '" + detector + "' on '" + dataset + "'");
    }
  }

  private static int count(boolean[] labels) {
    int n = 0;
    for (boolean b : labels) {
      if (b) {
        n++;
      }
    }
    return n;
  }
}
