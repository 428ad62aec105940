package ad.eval.run;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.Seeds;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.eval.metrics.AveragePrecision;
import ad.eval.metrics.ConfusionMatrix;
import ad.eval.metrics.RocAuc;
import ad.eval.run.PreparedData.PreparedSplit;
import ad.eval.spec.Component;
import ad.eval.spec.ExperimentSpec;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.Pipeline.NamedThreshold;
import ad.eval.pipeline.PipelineFile;
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
  private final Path modelsDirectory;

  CellEvaluator(ExperimentSpec spec, CellCharts charts, RunListener listener, Path modelsDirectory) {
    this.spec = spec;
    this.charts = charts;
    this.listener = listener;
    this.modelsDirectory = modelsDirectory;
  }

  List<CellResult> evaluate(Cell cell, PreparedSplit split) {
    String dataset = cell.dataset().name();
    String detector = cell.detector().name();
    long t0 = System.nanoTime();
    // Every detector of a cell draws from the same "model" stream, so variants differ by their
    // options only, not by luck of the draw.
    DetectorModel model = cell.detector().instance().fit(split.train(), Seeds.derive(cell.seed(), "model"));
    double fitSeconds = (System.nanoTime() - t0) / 1e9;

    long t1 = System.nanoTime();
    Scores testScores = model.score(split.test());
    double scoreSeconds = (System.nanoTime() - t1) / 1e9;
    testScores.requireFinite("test scores of '" + detector + "' on '" + dataset + "'");

    // Thresholds are fitted on held-out normal rows; without any, on the training rows (whose
    // errors are optimistic, so such a threshold flags more).
    Dataset reference = split.validation().rows() > 0 ? split.validation() : split.train();
    if (reference == split.train()) {
      listener.warn("no validation rows: thresholds for '" + detector + "' on '" + dataset
          + "' are fitted on training scores");
    }
    Scores referenceScores = model.score(reference)
        .requireFinite("reference scores of '" + detector + "' on '" + dataset + "'");

    boolean[] labels = split.test().labels();
    double[] scores = testScores.values();
    int anomalies = count(labels);
    boolean bothClasses = anomalies > 0 && anomalies < labels.length;
    double rocAuc = bothClasses ? RocAuc.of(labels, scores) : Double.NaN;
    double prAuc = bothClasses ? AveragePrecision.of(labels, scores) : Double.NaN;
    if (!bothClasses) {
      listener.warn("test set of '" + dataset + "' has a single class: ranking metrics undefined");
    }
    int epochs = model.trainingHistory().map(h -> h.epochs()).orElse(0);

    List<CellResult> rows = new ArrayList<>();
    List<NamedThreshold> fitted = new ArrayList<>();
    boolean first = true;
    for (Component<Thresholder> thresholder : spec.thresholders()) {
      Threshold threshold = thresholder.instance().fit(referenceScores);
      fitted.add(new NamedThreshold(thresholder.name(), thresholder.type(), threshold));
      ConfusionMatrix cm = ConfusionMatrix.of(labels, threshold.apply(testScores));
      String title = detector + " on " + dataset + " (seed " + cell.seed() + ")";
      String label = cell.fileLabel() + (spec.thresholders().size() > 1
          ? "-" + Cell.safe(thresholder.name()) : "");
      charts.write(label, title, detector, labels, scores, threshold, first ? rocAuc : Double.NaN,
          cell.fileLabel());
      first = false;
      rows.add(new CellResult(spec.name(), dataset, detector, cell.detector().type(), cell.seed(),
          cell.id(), CellResult.OK, "", thresholder.name(), threshold.value(), threshold.rule(),
          split.train().rows(), split.validation().rows(), split.test().rows(), anomalies, cm.tp(),
          cm.fp(), cm.tn(), cm.fn(), cm.precision(), cm.recall(), cm.f1(), rocAuc, prAuc, epochs,
          fitSeconds, scoreSeconds));
    }
    if (spec.saveModels()) {
      saveModel(cell, split, model, fitted);
    }
    return rows;
  }

  /** models/<cell>.adp: what {@code ad score} needs to score new rows as this cell did. */
  private void saveModel(Cell cell, PreparedSplit split, DetectorModel model, List<NamedThreshold> thresholds) {
    if (!model.canSave()) {
      listener.warn("models of type '" + cell.detector().type() + "' cannot be saved yet; '"
          + cell.detector().name() + "' on '" + cell.dataset().name() + "' was not written to models/");
      return;
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("experiment", spec.name());
    provenance.put("dataset", cell.dataset().name());
    provenance.put("detector", cell.detector().name());
    provenance.put("seed", cell.seed());
    provenance.put("cell", cell.id());
    provenance.put("train_rows", split.train().rows());
    provenance.put("train_sha256", sha256(split.train().values()));
    model.trainingHistory().ifPresent(h -> provenance.put("training_history", h));
    provenance.put("dataset_spec", SpecJson.describe(cell.dataset()));
    Pipeline pipeline = new Pipeline(cell.detector().type(), SpecJson.MAPPER.convertValue(
        cell.detector().options(), SpecJson.MAP), model, spec.scaler().type(),
        SpecJson.MAPPER.convertValue(spec.scaler().options(), SpecJson.MAP), split.scaler(), thresholds,
        split.train().featureNames(), split.train().sampleShape(), provenance);
    PipelineFile.write(modelsDirectory.resolve(cell.fileLabel() + ".adp"), pipeline);
  }

  /** SHA-256 of the training values: ties a saved model to the exact data it was fitted on. */
  private static String sha256(float[] values) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 * 4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < values.length; i += 4096) {
        buffer.clear();
        buffer.asFloatBuffer().put(values, i, Math.min(4096, values.length - i));
        digest.update(buffer.array(), 0, 4 * Math.min(4096, values.length - i));
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
