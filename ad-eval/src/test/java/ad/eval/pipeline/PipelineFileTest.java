package ad.eval.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.CoreComponents;
import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.core.registry.ComponentType;
import ad.core.registry.Options;
import ad.core.registry.Registry;
import ad.core.scale.MinMaxScaler;
import ad.eval.pipeline.Pipeline.NamedThreshold;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineFileTest {
  /** Scores by weighted squared distance to the training mean; saves its mean and weights. */
  record CentroidDetector(Double weight) implements Detector {
    CentroidDetector {
      weight = Options.positive("weight", Options.orDefault(weight, 1.0));
    }

    @Override
    public DetectorModel fit(Dataset train, long seed) {
      float[] mean = new float[train.columns()];
      for (int i = 0; i < train.rows(); i++) {
        for (int j = 0; j < mean.length; j++) {
          mean[j] += train.value(i, j) / train.rows();
        }
      }
      return new Model(mean, weight);
    }

    @Override
    public DetectorModel load(StateReader in) {
      float[] mean = in.floats("mean");
      if (mean.length == 0) {
        throw in.corrupt("empty mean");
      }
      return new Model(mean, weight);
    }

    record Model(float[] mean, double weight) implements DetectorModel {
      @Override
      public Scores score(Dataset data) {
        double[] s = new double[data.rows()];
        for (int i = 0; i < s.length; i++) {
          for (int j = 0; j < mean.length; j++) {
            double d = data.value(i, j) - mean[j];
            s[i] += weight * d * d;
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
  }

  static Registry registry() {
    List<ComponentType<?, ?>> all = new ArrayList<>(new CoreComponents().components());
    all.add(ComponentType.of(Detector.class, "centroid", "for tests", CentroidDetector.class, d -> d));
    return new Registry(all);
  }

  @TempDir
  Path temp;

  static Dataset data(long seed, int rows) {
    Random r = new Random(seed);
    float[] v = new float[rows * 3];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (10 + 5 * r.nextGaussian());
    }
    return Dataset.of("d", rows, 3, v, List.of("a", "b", "c"), null);
  }

  Path saved() {
    return saveExample(temp);
  }

  /** A min-max + centroid pipeline fitted on {@link #data}(1, 100), saved under {@code dir}. */
  static Path saveExample(Path dir) {
    Dataset train = data(1, 100);
    var scaler = new MinMaxScaler().fit(train);
    var detector = new CentroidDetector(2.0);
    DetectorModel model = detector.fit(scaler.transform(train), 7);
    Pipeline p = new Pipeline("centroid", Map.of("weight", 2.0), model, "min_max", Map.of(), scaler,
        List.of(new NamedThreshold("mean_std", "mean_std", new Threshold(0.5, "mean + 3.0 * std"))),
        InputColumns.numericOnly(train.featureNames()), train.featureNames(), train.sampleShape(),
        Map.of("experiment", "t", "seed", 7));
    Path file = dir.resolve("model.adp");
    PipelineFile.write(file, p);
    return file;
  }

  @Test
  void loadsBackToIdenticalScoresAndDecisions() throws IOException {
    Path file = saved();
    Dataset train = data(1, 100);
    var scaler = new MinMaxScaler().fit(train);
    Scores expected = new CentroidDetector(2.0).fit(scaler.transform(train), 7).score(scaler.transform(data(2, 50)));
    Pipeline loaded = PipelineFile.read(file, registry());
    assertArrayEquals(expected.values(), loaded.score(data(2, 50)).values());
    assertEquals(0.5, loaded.threshold(null).threshold().value());
    assertEquals(List.of("a", "b", "c"), loaded.featureNames());
    assertEquals(7, loaded.provenance().get("seed"));
    // Deterministic bytes: the same pipeline saved twice is the same file.
    byte[] first = Files.readAllBytes(file);
    assertArrayEquals(first, Files.readAllBytes(saved()));
  }

  @Test
  void refusesMissingForeignCorruptTruncatedAndNewerFiles() throws IOException {
    Path good = saved();
    assertRefused(temp.resolve("nope.adp"), "model file not found");

    Path foreign = temp.resolve("foreign.adp");
    Files.writeString(foreign, "name: not a model\n");
    assertRefused(foreign, "is not an ad model file");

    Path truncated = temp.resolve("truncated.adp");
    byte[] bytes = Files.readAllBytes(good);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(truncated, "is not an ad model file, or it is truncated");

    Path tampered = rewrite(good, "tampered.adp", (name, content) -> name.endsWith(".f32")
        ? flipFirstByte(content) : content);
    assertRefused(tampered, "the checksum of entry 'state/model/mean.f32' does not match");

    Path unsigned = rewrite(good, "unsigned.adp", (name, content) -> name.equals("manifest.json")
        ? new String(content, StandardCharsets.UTF_8).replace("\"value\" : 0.5", "\"value\" : 9.5")
            .getBytes(StandardCharsets.UTF_8) : content);
    assertRefused(unsigned, "its manifest does not match its checksum");

    Path newer = rewriteManifest(good, "newer.adp", m -> m.replace("\"format_version\" : 1", "\"format_version\" : 9"));
    assertRefused(newer, "was written by a newer ad (model format version 9)");

    Path otherFormat = rewriteManifest(good, "other.adp", m -> m.replace("\"ad-pipeline\"", "\"keras\""));
    assertRefused(otherFormat, "is not an ad model file (format 'keras'");

    Path unknownType = rewriteManifest(good, "unknown.adp", m -> m.replace("\"centroid\"", "\"java.lang.Runtime\""));
    assertRefused(unknownType, "needs detector type 'java.lang.Runtime', which this ad does not have");

    Path extra = rewrite(good, "extra.adp", (name, content) -> content);
    try (var out = new ZipOutputStream(Files.newOutputStream(temp.resolve("extra2.adp")));
        var in = new ZipFile(extra.toFile())) {
      for (var e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(in.getInputStream(e).readAllBytes());
      }
      out.putNextEntry(new ZipEntry("state/model/evil.f32"));
      out.write(new byte[4]);
    }
    assertRefused(temp.resolve("extra2.adp"), "has an entry its manifest does not list");
  }

  @Test
  void filesOfVersionOneWithoutAnInputLayoutStillLoad() throws IOException {
    Path good = saved();
    assertTrue(manifest(good).contains("\"format_version\" : 1,"), "no categorical columns: still version 1");
    // What ad wrote before the input layout existed.
    Path old = rewriteManifest(good, "old.adp", m -> {
      try {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ad.eval.io.Json.MAPPER.readTree(m);
        tree.remove("input");
        return ad.eval.io.Json.MAPPER.writeValueAsString(tree);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertTrue(!manifest(old).contains("\"input\""));
    Pipeline loaded = PipelineFile.read(old, registry());
    assertEquals(List.of("a", "b", "c"), loaded.inputs().numeric());
    assertTrue(loaded.inputs().categorical().isEmpty());
    assertArrayEquals(PipelineFile.read(good, registry()).score(data(2, 20)).values(),
        loaded.score(data(2, 20)).values());
  }

  @Test
  void categoricalPipelinesAreVersionTwoAndTheirLayoutMustMatchTheirFeatures() throws IOException {
    Dataset train = Dataset.of("t", 3, 1, new float[] {1, 2, 3}, List.of("x"), null)
        .withCategoricalColumns(List.of(new ad.core.CategoricalColumn("proto", List.of("tcp", "udp"),
            new int[] {0, 1, 0})));
    var encoder = new ad.core.encode.OneHotEncoder().fit(train);
    Dataset encoded = encoder.transform(train).dataset();
    var scaler = new MinMaxScaler().fit(encoded);
    DetectorModel model = new CentroidDetector(1.0).fit(scaler.transform(encoded), 1);
    Pipeline p = new Pipeline("centroid", Map.of("weight", 1.0), model, "min_max", Map.of(), scaler,
        List.of(new NamedThreshold("t", "fixed", new Threshold(1, "fixed"))),
        new InputColumns(List.of("x"), encoder, List.of("id"), "label"), encoded.featureNames(),
        encoded.sampleShape(), Map.of());
    Path file = temp.resolve("cat.adp");
    PipelineFile.write(file, p);
    String manifest = manifest(file);
    assertTrue(manifest.contains("\"format_version\" : 2,"), manifest);
    assertTrue(manifest.contains("\"state/encoder/values.txt\""), manifest);
    Pipeline loaded = PipelineFile.read(file, registry());
    assertEquals(p, loaded);
    assertArrayEquals(p.score(train).values(), loaded.score(train).values());

    Path shifted = rewriteManifest(file, "shifted.adp", m -> m.replace("\"numeric\" : [ \"x\" ]",
        "\"numeric\" : [ \"x\", \"y\" ]"));
    assertRefused(shifted, "is corrupt: its input columns (numeric [x, y], categorical [proto]) do not encode to "
        + "its 3 features");
    Path foreignEncoder = rewriteManifest(file, "target.adp", m -> m.replace("\"one_hot\"", "\"target\""));
    assertRefused(foreignEncoder, "needs encoder type 'target', which this ad does not have");
  }

  private static String manifest(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertRefused(Path file, String expected) {
    UserException e = assertThrows(UserException.class, () -> PipelineFile.read(file, registry()));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains(file.getFileName().toString()), "names the file: " + e.getMessage());
  }

  private static byte[] flipFirstByte(byte[] b) {
    byte[] c = b.clone();
    c[0] ^= 0x40;
    return c;
  }

  /** Edits the manifest and signs it again, as a consistent file of other content would be. */
  private Path rewriteManifest(Path source, String name, UnaryOperator<String> edit) throws IOException {
    byte[][] edited = new byte[1][];
    Path first = rewrite(source, name + ".tmp", (entry, content) -> entry.equals("manifest.json")
        ? (edited[0] = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))
        : content);
    return rewrite(first, name, (entry, content) -> entry.equals(PipelineFile.MANIFEST_DIGEST)
        ? PipelineFile.sha256(edited[0]).getBytes(StandardCharsets.US_ASCII) : content);
  }

  private Path rewrite(Path source, String name, java.util.function.BiFunction<String, byte[], byte[]> edit)
      throws IOException {
    Path target = temp.resolve(name);
    try (ZipFile in = new ZipFile(source.toFile());
        OutputStream file = Files.newOutputStream(target);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (var e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(edit.apply(e.getName(), in.getInputStream(e).readAllBytes()));
      }
    }
    return target;
  }
}
