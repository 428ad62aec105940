package ad.eval.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.CoreComponents;
import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.UserException;
import ad.core.data.DataContext;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.core.registry.ComponentType;
import ad.core.registry.NoOptions;
import ad.core.registry.Registry;
import ad.eval.run.ExperimentRunner;
import ad.eval.run.RunListener;
import ad.eval.run.RunSummary;
import ad.eval.spec.SpecReader;
import ad.eval.threshold.ThresholderComponents;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline fitted by a real run on a CSV with categorical columns, saved, loaded and scored again
 * from the raw file, gives the run's own scores bit for bit, and counts categories it never saw.
 */
class PipelineCategoricalTest {
  /** Scores in the run, by the row's index in the loaded file (rows of every part the run scored). */
  static final Map<Integer, Double> IN_RUN = new ConcurrentHashMap<>();

  /** Squared distance to the training mean; the model fitted in a run records every score it gives. */
  record RecordingCentroid() implements Detector {
    @Override
    public DetectorModel fit(Dataset train, long seed) {
      float[] mean = new float[train.columns()];
      for (int i = 0; i < train.rows(); i++) {
        for (int j = 0; j < mean.length; j++) {
          mean[j] += train.value(i, j) / train.rows();
        }
      }
      return new Model(mean, true);
    }

    @Override
    public DetectorModel load(StateReader in) {
      return new Model(in.floats("mean"), false);
    }
  }

  record Model(float[] mean, boolean records) implements DetectorModel {
    @Override
    public Scores score(Dataset data) {
      double[] s = new double[data.rows()];
      for (int i = 0; i < s.length; i++) {
        for (int j = 0; j < mean.length; j++) {
          double d = data.value(i, j) - mean[j];
          s[i] += d * d;
        }
        if (records) {
          IN_RUN.put(data.rowId(i), s[i]);
        }
      }
      return new Scores(s);
    }

    @Override
    public boolean canSave() {
      return true;
    }

    @Override
    public void save(StateWriter out) {
      out.floats("mean", mean);
    }
  }

  static Registry registry() {
    List<ComponentType<?, ?>> all = new ArrayList<>(new CoreComponents().components());
    all.addAll(new ThresholderComponents().components());
    all.add(ComponentType.of(Detector.class, "recording", "for tests", NoOptions.class, o -> new RecordingCentroid()));
    return new Registry(all);
  }

  static final String SPEC = """
      name: cat
      seeds: [1]
      charts: false
      save_models: true
      datasets:
        - name: net
          type: csv
          path: net.csv
          drop: [note]
          categorical: [proto, flag]
      scaler: min_max
      detectors: [recording]
      thresholders: [{type: mean_std, k: 3}]
      """;

  @TempDir
  Path temp;

  /**
   * 120 normal rows (proto tcp/udp, flag SF/REJ) and 12 anomalies, half of them with proto icmp,
   * which the normal training rows never show. Columns in an order of their own, with a dropped one.
   */
  static String csv() {
    StringBuilder s = new StringBuilder("a,proto,b,note,flag,label\n");
    for (int i = 0; i < 132; i++) {
      boolean anomalous = i % 11 == 10;
      String proto = anomalous && i % 2 == 0 ? "icmp" : i % 3 == 0 ? "udp" : "tcp";
      double a = (anomalous ? 4 : 0) + (i % 7) / 10.0;
      double b = (anomalous ? -3 : 1) + (i % 5) / 10.0;
      s.append(a).append(',').append(proto).append(',').append(b).append(",n").append(i).append(',')
          .append(i % 4 == 0 ? "REJ" : "SF").append(',').append(anomalous ? 1 : 0).append('\n');
    }
    return s.toString();
  }

  /** Runs {@link #SPEC} on {@link #csv()} and returns the saved model file. */
  Path runAndSave() throws IOException {
    Files.writeString(temp.resolve("net.csv"), csv());
    IN_RUN.clear();
    RunSummary summary = new ExperimentRunner(new SpecReader(registry()).read(temp.resolve("cat.yaml"), SPEC),
        new DataContext(temp, temp), temp.resolve("out"), RunListener.SILENT, ExperimentRunner.Settings.DEFAULT)
        .run();
    assertFalse(summary.results().get(0).failed(), summary.results().get(0).error());
    assertTrue(summary.results().get(0).cell().sizes().unseenCategories() > 0,
        "the icmp test rows are unseen in training");
    try (Stream<Path> models = Files.list(temp.resolve("out/models"))) {
      List<Path> files = models.toList();
      assertEquals(1, files.size(), files.toString());
      return files.get(0);
    }
  }

  @Test
  void savedPipelineScoresTheRawRowsExactlyAsTheRunDid() throws IOException {
    Path file = runAndSave();
    Map<Integer, Double> inRun = Map.copyOf(IN_RUN);
    Pipeline pipeline = PipelineFile.read(file, registry());
    assertEquals(List.of("a", "b"), pipeline.inputs().numeric());
    assertEquals(List.of("proto", "flag"), pipeline.inputs().categorical());
    assertEquals(List.of("note"), pipeline.inputs().dropped());
    assertEquals("label", pipeline.inputs().label());
    // Categories in order of first appearance in the training rows (row 1 is udp, row 1 REJ).
    assertEquals(List.of("a", "b", "proto=udp", "proto=tcp", "flag=REJ", "flag=SF"), pipeline.featureNames());

    StringWriter out = new StringWriter();
    var summary = new StreamingScorer(pipeline, null, 16, 0).score(temp.resolve("net.csv"), "net.csv", null, out,
        n -> { });
    List<String> lines = out.toString().lines().toList();
    assertEquals("row,score,anomalous,unseen_categories", lines.get(0));
    assertEquals(133, lines.size());
    assertTrue(inRun.size() > 20, "the run scored its test rows at least: " + inRun.size());
    for (Map.Entry<Integer, Double> e : inRun.entrySet()) {
      String[] cells = lines.get(e.getKey() + 1).split(",");
      assertEquals(Integer.toString(e.getKey() + 1), cells[0]);
      // Double.toString round-trips exactly: equal text means equal bits.
      assertEquals(Double.toString(e.getValue()), cells[1], "row " + cells[0]);
    }
    String[] rows = csv().split("\n");
    for (int r = 1; r < rows.length; r++) {
      String unseen = rows[r].contains(",icmp,") ? "1" : "0";
      assertEquals(unseen, lines.get(r).split(",")[3], lines.get(r));
    }
    assertEquals(Map.of("proto", 6L, "flag", 0L), summary.unseen());
    assertEquals(List.of("proto", "flag"), List.copyOf(summary.unseen().keySet()), "in encoding order");
  }

  @Test
  void newCategoriesAreCountedAndMissingCategoricalColumnsNamed() throws IOException {
    Pipeline pipeline = PipelineFile.read(runAndSave(), registry());
    Path input = temp.resolve("new.csv");
    // Any column order, no label, no dropped column; 'gre' and 'S0' are new, one row has both.
    Files.writeString(input, """
        flag,b,a,proto
        SF,1.1,0.2,tcp
        S0,1.0,0.1,gre
        REJ,1.2,0.3,gre
        """);
    StringWriter out = new StringWriter();
    var summary = new StreamingScorer(pipeline, null, 2, 2).score(input, "new.csv", null, out, n -> { });
    List<String> lines = out.toString().lines().toList();
    assertEquals("row,score,anomalous,unseen_categories", lines.get(0).substring(0, 37));
    assertEquals(List.of("0", "2", "1"), lines.stream().skip(1).map(l -> l.split(",")[3]).toList());
    assertEquals(Map.of("proto", 2L, "flag", 1L), summary.unseen());
    // All zeros for the unseen values: the row scores as one with no proto and no flag.
    Dataset raw = Dataset.of("r", 1, 2, new float[] {0.1f, 1.0f}, List.of("a", "b"), null)
        .withCategoricalColumns(List.of(new ad.core.CategoricalColumn("proto", List.of("x"), new int[] {0}),
            new ad.core.CategoricalColumn("flag", List.of("y"), new int[] {0})));
    assertEquals(Double.toString(pipeline.score(raw).get(0)), lines.get(2).split(",")[1]);

    Files.writeString(input, "a,b,proto,label\n0.1,1.0,tcp,0\n");
    UserException e = assertThrows(UserException.class, () -> new StreamingScorer(pipeline, null, 2, 0)
        .score(input, "new.csv", null, new StringWriter(), n -> { }));
    assertTrue(e.getMessage().startsWith("new.csv: the model needs categorical column 'flag', which the header "
        + "lacks: the model reads 2 numeric columns (a, b) and 2 categorical columns (proto, flag); the input "
        + "has 4 columns: a, b, proto, label"), e.getMessage());
  }
}
