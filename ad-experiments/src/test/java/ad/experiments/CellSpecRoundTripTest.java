package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ad.core.Detector;
import ad.core.Thresholder;
import ad.core.data.DatasetSource;
import ad.core.protocol.Protocol;
import ad.core.registry.Registry;
import ad.core.scale.Scaler;
import ad.eval.cell.CellSpec;
import ad.eval.cell.ComponentSpec;
import ad.eval.run.CellPlan;
import ad.eval.spec.Component;
import ad.eval.spec.ComponentBinder;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecJson;
import ad.eval.spec.SpecReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every component of every committed experiment survives the trip a cell makes to another process:
 * its cell spec serialised and read back, each component built again from the registry with the
 * options the spec resolved, giving the same options.
 */
class CellSpecRoundTripTest {
  private static final Registry REGISTRY = Registry.load();

  @Test
  void everyCommittedExperimentsComponentsAreRebuiltWithTheSameOptions() throws Exception {
    List<Path> files;
    try (Stream<Path> listed = Files.list(CommandLineTest.repository().resolve("experiments"))) {
      files = listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    ComponentBinder binder = new ComponentBinder(REGISTRY);
    for (Path file : files) {
      ExperimentSpec spec = new SpecReader(REGISTRY).read(file);
      for (Component<?> c : spec.datasets()) {
        same(file, c, binder.build(DatasetSource.class, c.name(), c.type(), ComponentSpec.of(c).options()));
      }
      for (Component<?> c : spec.detectors()) {
        same(file, c, binder.build(Detector.class, c.name(), c.type(), ComponentSpec.of(c).options()));
      }
      for (var rule : spec.thresholders()) {
        Component<?> c = rule.thresholder();
        same(file, c, binder.build(Thresholder.class, c.name(), c.type(), ComponentSpec.of(c).options()));
      }
      same(file, spec.protocol(), binder.build(Protocol.class, spec.protocol().name(), spec.protocol().type(),
          ComponentSpec.of(spec.protocol()).options()));
      same(file, spec.scaler(), binder.build(Scaler.class, spec.scaler().name(), spec.scaler().type(),
          ComponentSpec.of(spec.scaler()).options()));
      for (CellSpec cell : CellPlan.of(spec)) {
        assertEquals(cell, deserialise(serialise(cell)), file + ": cell " + cell.id());
      }
    }
  }

  private static void same(Path file, Component<?> original, Component<?> rebuilt) {
    assertEquals(original.options().getClass(), rebuilt.options().getClass(), file + ": " + original.name());
    assertEquals(SpecJson.options(original.options()), SpecJson.options(rebuilt.options()),
        file + ": " + original.name());
  }

  private static byte[] serialise(Object value) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(value);
    }
    return buffer.toByteArray();
  }

  private static Object deserialise(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }
}
