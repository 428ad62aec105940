package ad.eval.cell;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.data.CsvSource;
import ad.core.data.DatasetSource;
import ad.core.data.SeriesSource;
import ad.core.scale.FittedScaler;
import ad.core.series.SeriesFile;
import ad.core.series.WindowIndex;
import ad.eval.pipeline.InputColumns;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.Pipeline.NamedThreshold;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds what {@code ad score} needs to score new data as a cell did: {@code <cell>.adp} for a cell
 * with one model (rows, or windows of all its series files), and for a cell with a model per series
 * file one pipeline per file, {@code <cell>--<file>.adp}, each with that file's scaler, model and
 * thresholds (scoring machine 3's new readings takes machine 3's file). Whatever cannot be saved is
 * said with a warning, never skipped silently.
 */
final class CellPipelines {
  private final CellSpec cell;
  private final DatasetSource source;
  private final Consumer<String> warn;

  CellPipelines(CellSpec cell, DatasetSource source, Consumer<String> warn) {
    this.cell = cell;
    this.source = source;
    this.warn = warn;
  }

  /** The cell's one pipeline, or none when it cannot be saved. */
  List<SavedPipeline> shared(PreparedSplit split, DetectorModel model, List<NamedThreshold> thresholds) {
    if (!saveable(model, thresholds)) {
      return List.of();
    }
    Map<String, Object> provenance = provenance(split.train(), model);
    if (split.series() != null) {
      provenance.put("series_files", split.series().files().stream().map(SeriesFile::name).toList());
    }
    return List.of(new SavedPipeline(cell.fileLabel() + ".adp",
        pipeline(split, model, split.scaler(), split.train(), thresholds, provenance)));
  }

  /** One pipeline per series file that got a model. */
  List<SavedPipeline> perFile(PreparedSplit split, List<FileModel> files) {
    if (files.isEmpty() || !saveable(files.get(0).model(), files.get(0).thresholds())) {
      return List.of();
    }
    WindowIndex index = split.series();
    List<String> names = files.stream().map(f -> index.files().get(f.file()).name()).toList();
    List<String> labels = fileLabels(names);
    List<SavedPipeline> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      FileModel f = files.get(i);
      SeriesFile series = index.files().get(f.file());
      Map<String, Object> provenance = provenance(f.train(), f.model());
      provenance.put("series_file", series.name());
      provenance.put("train_points", series.trainPoints());
      out.add(new SavedPipeline(cell.fileLabel() + "--" + labels.get(i) + ".adp",
          pipeline(split, f.model(), f.scaler(), f.train(), f.thresholds(), provenance)));
    }
    return out;
  }

  /**
   * File-name-safe labels for series files: the base name ({@code valve1_0} for
   * {@code timeseries/skab/valve1_0.csv.gz}), or, for base names two files share, the whole path.
   */
  static List<String> fileLabels(List<String> names) {
    Map<String, Integer> uses = new HashMap<>();
    for (String name : names) {
      uses.merge(CsvSource.baseName(name), 1, Integer::sum);
    }
    List<String> out = new ArrayList<>();
    for (String name : names) {
      String base = CsvSource.baseName(name);
      String parent = Path.of(name).getParent() == null ? "" : Path.of(name).getParent() + "/";
      out.add(CellSpec.safe(uses.get(base) > 1 ? parent + base : base));
    }
    return out;
  }

  private boolean saveable(DetectorModel model, List<NamedThreshold> thresholds) {
    if (thresholds.isEmpty()) {
      warn.accept("no label-free threshold to save with '" + cell.detector().name() + "'; not written");
      return false;
    }
    if (!model.canSave()) {
      warn.accept("models of type '" + cell.detector().type() + "' cannot be saved yet; '"
          + cell.detector().name() + "' on '" + cell.dataset().name() + "' was not written to models/");
      return false;
    }
    return true;
  }

  private Pipeline pipeline(PreparedSplit split, DetectorModel model, FittedScaler scaler, Dataset train,
      List<NamedThreshold> thresholds, Map<String, Object> provenance) {
    ad.eval.pipeline.Windowing windowing = null;
    InputColumns inputs;
    if (split.series() != null) {
      SeriesSource series = (SeriesSource) source;
      windowing = new ad.eval.pipeline.Windowing(series.window(), series.stride(), cell.settings().pointScores(),
          series.timestampColumn());
      inputs = new InputColumns(SeriesSource.channels(train), split.encoder(), series.drop(), series.labelColumn());
    } else {
      inputs = inputColumns(split);
    }
    return new Pipeline(cell.detector().type(), new LinkedHashMap<>(cell.detector().options()), model,
        cell.scaler().type(), new LinkedHashMap<>(cell.scaler().options()), scaler, thresholds, inputs,
        train.featureNames(), train.sampleShape(), provenance, windowing);
  }

  /**
   * The raw columns behind the training features: the encoder's categories, and, from a csv source,
   * the columns it dropped and its label (ignored when scoring, recorded so the file says so).
   */
  private InputColumns inputColumns(PreparedSplit split) {
    List<String> dropped = List.of();
    String label = null;
    if (source instanceof CsvSource csv) {
      dropped = csv.drop();
      label = csv.labelColumn();
    }
    return InputColumns.of(split.train().featureNames(), split.encoder(), dropped, label);
  }

  private Map<String, Object> provenance(Dataset train, DetectorModel model) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("experiment", cell.experiment());
    provenance.put("dataset", cell.dataset().name());
    provenance.put("detector", cell.detector().name());
    provenance.put("seed", cell.seed());
    provenance.put("cell", cell.id());
    provenance.put("train_rows", train.rows());
    provenance.put("train_sha256", sha256(train.values()));
    model.trainingHistory().ifPresent(h -> provenance.put("training_history", h));
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("name", cell.dataset().name());
    dataset.put("type", cell.dataset().type());
    dataset.putAll(cell.dataset().options());
    provenance.put("dataset_spec", dataset);
    return provenance;
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
}
