package ad.eval.cell;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.MemoryAdvice;
import ad.core.Scores;
import ad.core.Seeds;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.TrainingHistory;
import ad.core.UserException;
import ad.core.scale.FittedScaler;
import ad.core.series.WindowIndex;
import ad.eval.metrics.AveragePrecision;
import ad.eval.metrics.ConfusionMatrix;
import ad.eval.metrics.Measure;
import ad.eval.metrics.Measures;
import ad.eval.metrics.RocAuc;
import ad.eval.pipeline.Pipeline.NamedThreshold;
import ad.eval.threshold.LabelledThresholder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Evaluates one cell: fits the detector once, scores the validation and test parts once, then applies
 * every thresholder to the same scores, giving one {@link ThresholdResult} per thresholder.
 *
 * <p>{@link #evaluate} never throws for a cell's own trouble: bad data, a model that cannot fit or an
 * internal error in one cell becomes a failed result with the reason, and the run goes on.
 */
public final class CellEvaluator {
  private final CellSpec cell;
  private final CellComponents components;
  private final List<String> warnings = new ArrayList<>();
  /** What the models' checks found suspicious (not in the result's numbers, so found while fitting). */
  private final List<CellWarning> modelWarnings = new ArrayList<>();

  private CellEvaluator(CellSpec cell, CellComponents components) {
    this.cell = cell;
    this.components = components;
  }

  /**
   * @param split the cell's prepared split; may throw {@link UserException} (data that cannot be
   *     loaded or split), which fails the cell
   * @param sharing how many cells share this JVM's heap, for the advice when the cell runs out of it
   */
  public static EvaluatedCell evaluate(CellSpec cell, CellComponents components, Supplier<PreparedSplit> split,
      MemoryAdvice.HeapSharing sharing) {
    CellEvaluator evaluator = new CellEvaluator(cell, components);
    try {
      return evaluator.evaluate(split.get());
    } catch (UserException e) {
      return evaluator.failure(e.getMessage());
    } catch (OutOfMemoryError e) {
      // The cell's own allocations are unreachable once it unwinds, so the run can go on.
      return evaluator.failure(MemoryAdvice.outOfMemory(e, sharing));
    } catch (RuntimeException e) {
      // A bug or a library failure in one cell must not lose the others; a worker thread's
      // OutOfMemoryError arrives wrapped.
      OutOfMemoryError memory = outOfMemory(e);
      return evaluator.failure(memory != null ? MemoryAdvice.outOfMemory(memory, sharing) : "internal error: " + e);
    }
  }

  private static OutOfMemoryError outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError memory) {
        return memory;
      }
    }
    return null;
  }

  private EvaluatedCell failure(String error) {
    return new EvaluatedCell(CellResult.failed(cell, error), CellArtifacts.none(cell.fileLabel()), warnings);
  }

  private EvaluatedCell evaluate(PreparedSplit split) {
    CellSettings settings = cell.settings();
    String dataset = cell.dataset().name();
    String detector = cell.detector().name();
    Fit fit = split.series() != null && settings.perFileModels()
        ? fitPerFile(split) : fitShared(split, testScorer(split, file -> split.scaler()));
    TestUnits units = TestUnits.of(split, fit.testScores(), settings.pointScores());
    DetectorModel model = fit.model();

    boolean[] labels = units.labels();
    double[] scores = units.scores();
    int anomalies = count(labels);
    boolean bothClasses = anomalies > 0 && anomalies < labels.length;
    Map<String, Double> cellMeasures = new LinkedHashMap<>();
    cellMeasures.put(StandardMeasures.ROC_AUC, bothClasses ? RocAuc.of(labels, scores) : Double.NaN);
    cellMeasures.put(StandardMeasures.PR_AUC, bothClasses ? AveragePrecision.of(labels, scores) : Double.NaN);
    if (!bothClasses) {
      warnings.add("test set of '" + dataset + "' has a single class: ranking metrics undefined");
    }
    for (Measure extra : extras(false)) {
      cellMeasures.put(extra.name(), bothClasses ? extra.of(labels, scores, null) : Double.NaN);
    }
    double rocAuc = cellMeasures.get(StandardMeasures.ROC_AUC);

    List<ThresholdResult> results = new ArrayList<>();
    List<NamedThreshold> fitted = new ArrayList<>();
    List<CellCharts.Histogram> histograms = new ArrayList<>();
    Threshold firstThreshold = null;
    String firstTitle = null;
    for (int t = 0; t < cell.thresholders().size(); t++) {
      ThresholdSpec rule = cell.thresholders().get(t);
      Thresholder thresholder = components.thresholders().get(t);
      boolean oracle = LabelledThresholder.isOracle(thresholder);
      // An oracle picks its threshold with the test labels, on the units the metrics count.
      Decision decision;
      try {
        decision = oracle
            ? Decision.of(((LabelledThresholder) thresholder).fit(new Scores(scores), labels))
            : fit.decide(t);
      } catch (UserException e) {
        // A rule that cannot fit these scores (too few in the tail, say) fails its own row only:
        // the model and the other rules' rows are still good.
        results.add(ThresholdResult.failed(rule.name(), "thresholder '" + rule.name() + "': " + e.getMessage()));
        continue;
      }
      Threshold threshold = decision.threshold();
      if (!oracle && model != null) {
        fitted.add(new NamedThreshold(rule.name(), rule.thresholder().type(), threshold));
      }
      boolean[] predictions = decision.predictions(units);
      ConfusionMatrix cm = ConfusionMatrix.of(labels, predictions);
      SeriesFigures series = units.seriesFigures(predictions);
      Map<String, Double> measures = new LinkedHashMap<>();
      measures.put(StandardMeasures.PRECISION, cm.precision());
      measures.put(StandardMeasures.RECALL, cm.recall());
      measures.put(StandardMeasures.F1, cm.f1());
      measures.put(StandardMeasures.FAR, cm.falseAlarmRate());
      measures.put(StandardMeasures.MAR, cm.missedAlarmRate());
      measures.put(StandardMeasures.PA_F1, series.pointAdjustedF1());
      measures.put(StandardMeasures.EVENT_PRECISION, series.eventPrecision());
      measures.put(StandardMeasures.EVENT_RECALL, series.eventRecall());
      measures.put(StandardMeasures.EVENT_F1, series.eventF1());
      for (Measure extra : extras(true)) {
        measures.put(extra.name(), extra.of(labels, scores, predictions));
      }
      String title = detector + " on " + dataset + " (seed " + cell.seed() + ")" + (oracle ? " [oracle]" : "");
      histograms.add(new CellCharts.Histogram(cell.fileLabel() + (cell.thresholders().size() > 1
          ? "-" + CellSpec.safe(rule.name()) : ""), title, threshold));
      if (firstThreshold == null) {
        firstThreshold = threshold;
        firstTitle = title;
      }
      results.add(new ThresholdResult(rule.name(), Status.OK, "", oracle ? "test labels" : fit.fitOn(t),
          oracle, threshold.value(), threshold.rule(), cm, measures));
    }
    List<SavedPipeline> pipelines = List.of();
    if (settings.saveModels()) {
      CellPipelines saver = new CellPipelines(cell, components.dataset(), warnings::add);
      pipelines = model == null ? saver.perFile(split, fit.files()) : saver.shared(split, model, fitted);
    }
    CellCurves curves = CellCurves.of(labels, scores, bothClasses, fit.history());
    if (settings.samples()) {
      curves = curves.withSamples(split.series() == null ? ImageSample.of(model, split.test(), scores) : null,
          split.series() != null && units.firstFile() != null
              ? SeriesSample.of(units.firstFile(), split.test(), split.series(),
              firstThreshold == null ? Double.NaN : firstThreshold.value()) : null);
    }
    CellCharts charts = settings.charts() ? new CellCharts(detector, labels, scores, histograms,
        firstThreshold != null && !Double.isNaN(rocAuc)
            ? new CellCharts.Roc(cell.fileLabel(), firstTitle, rocAuc) : null) : null;
    DataSizes sizes = new DataSizes(split.train().rows(), split.validationIsTrain() ? 0 : split.validation().rows(),
        labels.length, anomalies, split.unseenCategories());
    List<CellWarning> cellWarnings = new ArrayList<>(CellWarnings.of(Status.OK, cellMeasures, results, curves));
    cellWarnings.addAll(modelWarnings);
    CellResult result = new CellResult(cell.identity(), Status.OK, "", sizes, cellMeasures, results,
        new Training(fit.epochs(), fit.fitSeconds(), fit.scoreSeconds()), curves, cellWarnings);
    List<ad.core.series.PointSeries> points = settings.savePointScores() && split.series() != null
        ? units.files() : null;
    return new EvaluatedCell(result, new CellArtifacts(cell.fileLabel(), charts, pipelines, points), warnings);
  }

  /**
   * What to try when a network collapsed, from the detector's options: a lower learning rate, an
   * activation whose units cannot die, wider layers; empty for a model without a learning rate.
   */
  private String suggestion() {
    Map<String, Object> options = cell.detector().options();
    Object learningRate = options.get("learning_rate");
    if (learningRate == null) {
      return "";
    }
    List<String> tries = new ArrayList<>(List.of("a lower learning_rate (now " + learningRate + ")"));
    if ("relu".equals(String.valueOf(options.get("activation")))) {
      tries.add("an activation whose units cannot die (leakyrelu, elu or tanh; relu's can)");
    }
    if (options.get("hidden_layers") != null) {
      tries.add("wider layers (hidden_layers now " + options.get("hidden_layers") + ")");
    }
    return String.join(", ", tries) + ", or check the scaling of the data";
  }

  /** The spec's extra measures that read the scores ({@code false}) or the predictions ({@code true}). */
  private List<Measure> extras(boolean needsThreshold) {
    List<Measure> out = new ArrayList<>();
    for (String name : cell.settings().metrics()) {
      Measure measure = Measures.get(name);
      if (!StandardMeasures.isStandard(name) && measure.needsThreshold() == needsThreshold) {
        out.add(measure);
      }
    }
    return out;
  }

  /**
   * The fitted model(s) of a cell: their test window scores in test order, and how each threshold
   * rule (by its index in the spec) decides and which scores it was fitted on. {@code model} is null
   * when each series file has its own; {@code files} then holds them when models are saved (and is
   * empty otherwise).
   */
  private record Fit(DetectorModel model, Scores testScores, double fitSeconds, double scoreSeconds,
      int epochs, TrainingHistory history, IntFunction<Decision> decider, IntFunction<String> fitOnName,
      List<FileModel> files) {
    Decision decide(int rule) {
      return decider.apply(rule);
    }

    String fitOn(int rule) {
      return fitOnName.apply(rule);
    }
  }

  /** A threshold and how it turns unit scores into decisions (one threshold, or one per file). */
  private record Decision(Threshold threshold, Function<TestUnits, boolean[]> rule) {
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
  private static Function<DetectorModel, Scores> testScorer(PreparedSplit split,
      IntFunction<FittedScaler> scalerOfFile) {
    if (split.series() == null) {
      return model -> model.score(split.test());
    }
    return model -> SeriesTestScores.of(model, split.test(), split.windows(), split.series(), scalerOfFile);
  }

  /** One model for the cell, fitted on the whole training part. */
  private Fit fitShared(PreparedSplit split, Function<DetectorModel, Scores> testScorer) {
    String dataset = cell.dataset().name();
    String detector = cell.detector().name();
    long t0 = System.nanoTime();
    // Every detector of a cell draws from the same "model" stream, so variants differ by their
    // options only, not by luck of the draw.
    DetectorModel model = components.detector().fit(split.train(), Seeds.derive(cell.seed(), "model"));
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    Scores testScores = testScorer.apply(model);
    double scoreSeconds = (System.nanoTime() - t1) / 1e9;
    testScores.requireFinite("test scores of '" + detector + "' on '" + dataset + "'");
    Degeneracy.require(model, split.test(), testScores, "'" + detector + "' on '" + dataset + "'", suggestion())
        .filter(w -> modelWarnings.stream().noneMatch(seen -> seen.kind() == w.kind()))
        .ifPresent(modelWarnings::add);
    ReferenceScores references = new ReferenceScores(model, split, testScores, detector, dataset, warnings::add);
    return new Fit(model, testScores, fitSeconds, scoreSeconds,
        model.trainingHistory().map(h -> h.epochs()).orElse(0), model.trainingHistory().orElse(null),
        t -> Decision.of(components.thresholders().get(t).fit(references.get(cell.thresholders().get(t).fitOn()))),
        t -> references.actual(cell.thresholders().get(t).fitOn()).yamlName(), List.of());
  }

  /**
   * One model per series file, each fitted on that file's training windows and thresholded on that
   * file's reference scores, as SKAB's reference detectors are; the points of every file are then
   * pooled for the metrics.
   */
  private Fit fitPerFile(PreparedSplit split) {
    WindowIndex index = split.series();
    Map<Integer, int[]> trainRows = PerFileScaling.rowsByFile(split.train(), index);
    Map<Integer, int[]> validationRows = PerFileScaling.rowsByFile(split.validation(), index);
    Map<Integer, int[]> testRows = PerFileScaling.rowsByFile(split.test(), index);
    double[] testScores = new double[split.test().rows()];
    int rules = cell.thresholders().size();
    List<Map<String, Threshold>> thresholds = new ArrayList<>();
    List<String> fitOn = new ArrayList<>();
    String[] failures = new String[rules];
    for (int t = 0; t < rules; t++) {
      thresholds.add(null);
      fitOn.add(null);
    }
    // Kept only to be saved: a run that does not save models holds one file's model at a time.
    Map<Integer, DetectorModel> fileModels = new LinkedHashMap<>();
    double fitSeconds = 0;
    double scoreSeconds = 0;
    int epochs = 0;
    for (Map.Entry<Integer, int[]> e : testRows.entrySet()) {
      String file = index.files().get(e.getKey()).name();
      int[] trainOfFile = trainRows.get(e.getKey());
      if (trainOfFile == null) {
        throw new UserException("series file '" + file + "' has no training windows: lengthen its "
            + "training part (train_prefix or train_fraction) to at least one window");
      }
      Dataset train = split.train().select(trainOfFile);
      Dataset validation = split.validationIsTrain() || !validationRows.containsKey(e.getKey())
          ? train : split.validation().select(validationRows.get(e.getKey()));
      PreparedSplit fileSplit = split.ofFile(train, validation, split.test().select(e.getValue()));
      Fit fit = fitShared(fileSplit, testScorer(fileSplit, f -> split.fileScaling().scaler(f)));
      if (cell.settings().saveModels()) {
        fileModels.put(e.getKey(), fit.model());
      }
      fitSeconds += fit.fitSeconds();
      scoreSeconds += fit.scoreSeconds();
      epochs = Math.max(epochs, fit.epochs());
      double[] scores = fit.testScores().values();
      for (int i = 0; i < scores.length; i++) {
        testScores[e.getValue()[i]] = scores[i];
      }
      for (int t = 0; t < rules; t++) {
        Thresholder thresholder = components.thresholders().get(t);
        if (!LabelledThresholder.isOracle(thresholder) && failures[t] == null) {
          try {
            Threshold threshold = fit.decide(t).threshold();
            if (thresholds.get(t) == null) {
              thresholds.set(t, new LinkedHashMap<>());
            }
            thresholds.get(t).put(file, threshold);
            fitOn.set(t, fit.fitOn(t));
          } catch (UserException x) {
            failures[t] = "series file '" + file + "': " + x.getMessage();
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
      String file = index.files().get(e.getKey()).name();
      for (int t = 0; t < rules; t++) {
        if (thresholds.get(t) != null && failures[t] == null) {
          ThresholdSpec rule = cell.thresholders().get(t);
          saved.add(new NamedThreshold(rule.name(), rule.thresholder().type(), thresholds.get(t).get(file)));
        }
      }
      models.add(new FileModel(e.getKey(), e.getValue(), split.fileScaling().scaler(e.getKey()),
          split.train().select(trainRows.get(e.getKey())), saved));
    }
    return new Fit(null, new Scores(testScores), fitSeconds, scoreSeconds, epochs, null,
        t -> {
          if (failures[t] != null) {
            throw new UserException(failures[t]);
          }
          Map<String, Threshold> byFile = thresholds.get(t);
          String ruleText = byFile.values().iterator().next().rule() + ", per file (" + files + " files)";
          return new Decision(new Threshold(Double.POSITIVE_INFINITY, ruleText), units -> units.predictions(byFile));
        },
        t -> fitOn.get(t) != null ? fitOn.get(t) : cell.thresholders().get(t).fitOn().yamlName(), models);
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
