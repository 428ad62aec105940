package ad.experiments;

import static ad.experiments.CommandLineTest.ad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Detector;
import ad.core.registry.ComponentType;
import ad.core.registry.Registry;
import ad.eval.schema.OptionProperty;
import ad.eval.schema.OptionsModel;
import ad.eval.spec.ExperimentFile;
import ad.eval.spec.SpecMapper;
import ad.experiments.CommandLineTest.Outcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help on every command, and option discovery with {@code ad list TYPE}, through {@code Main}. */
class HelpAndListTest {

  @Test
  void everyCommandAnswersHelpWithItsUsage() {
    Set<String> commands = new CommandLine(new Main()).getSubcommands().keySet();
    assertTrue(commands.containsAll(List.of("run", "score", "validate", "list", "bench", "schema")),
        commands.toString());
    for (String command : commands) {
      if (command.equals("help")) {
        assertEquals(0, ad("help", "--help").status());
        continue;
      }
      for (String flag : List.of("--help", "-h")) {
        Outcome o = ad(command, flag);
        assertEquals(0, o.status(), command + " " + flag + ": " + o.err());
        assertTrue(o.out().startsWith("Usage: ad " + command), command + " " + flag + ": " + o.out());
        assertEquals("", o.err(), command + " " + flag);
      }
      Outcome viaHelp = ad("help", command);
      assertEquals(0, viaHelp.status(), viaHelp.err());
      assertEquals(ad(command, "--help").out(), viaHelp.out(), command);
    }
    Outcome top = ad("--help");
    assertEquals(0, top.status());
    assertTrue(top.out().contains("schema"), top.out());
  }

  @Test
  void listTypePrintsEveryOptionOfItsRecordWithDefaultAndMeaning() {
    Outcome o = ad("list", "dense_autoencoder");
    assertEquals(0, o.status(), o.err());
    assertTrue(o.out().startsWith("detector dense_autoencoder: "), o.out());
    ComponentType<?, Detector> dense = Registry.load().find(Detector.class, "dense_autoencoder").orElseThrow();
    OptionsModel model = OptionsModel.of(SpecMapper.create(), dense.optionsType());
    for (OptionProperty p : model.properties()) {
      assertTrue(o.out().lines().anyMatch(l -> l.startsWith("  " + p.key() + " ")), p.key() + " in\n" + o.out());
    }
    // Derived from the input width when not given (the description says how).
    assertTrue(o.out().lines().anyMatch(l -> l.matches("  hidden_layers +list of integers +none +not "
        + "empty; each > 0")), o.out());
    Outcome vae = ad("list", "variational_autoencoder");
    assertTrue(vae.out().lines().anyMatch(l -> l.matches("  hidden_layers +list of integers +required +not "
        + "empty; each > 0")), vae.out());
    assertTrue(o.out().lines().anyMatch(l -> l.matches("  learning_rate +number +0\\.001 +> 0")), o.out());
    assertTrue(o.out().lines().anyMatch(l -> l.matches("  engine +choice +native +native, dl4j")), o.out());
    // The shared training options, unwrapped into the family's record, keep the family's defaults.
    Outcome conv = ad("list", "conv_autoencoder");
    assertTrue(conv.out().lines().anyMatch(l -> l.matches("  epochs +integer +20 +> 0")), conv.out());
  }

  @Test
  void listExperimentPrintsTheFilesOwnKeys() {
    Outcome o = ad("list", "experiment");
    assertEquals(0, o.status(), o.err());
    for (OptionProperty p : OptionsModel.of(SpecMapper.create(), ExperimentFile.class).properties()) {
      assertTrue(o.out().lines().anyMatch(l -> l.startsWith("  " + p.key() + " ")), p.key() + " in\n" + o.out());
    }
    assertTrue(o.out().lines().anyMatch(l -> l.matches("  scaler +scaler +min_max +min_max, none, robust,")),
        o.out());
    assertTrue(o.out().lines().anyMatch(l -> l.matches("  chart_format +choice +png +png, svg")), o.out());
    assertTrue(o.out().lines().anyMatch(l -> l.matches("  workers +integer +0 +>= 0")), o.out());
  }

  @Test
  void aNameOfTwoKindsListsBoth() {
    Outcome o = ad("list", "fixed");
    assertEquals(0, o.status(), o.err());
    assertTrue(o.out().contains("protocol fixed: ") && o.out().contains("thresholder fixed: "), o.out());
    assertTrue(o.out().lines().anyMatch(l -> l.matches("  train_on +choice +normal +normal, all")), o.out());
    assertTrue(o.out().lines().anyMatch(l -> l.matches("  value +number +required")), o.out());
  }

  @Test
  void anUnknownTypeIsAUserErrorWithASuggestion() {
    Outcome o = ad("list", "dense_autoencodr");
    assertEquals(2, o.status());
    assertTrue(o.err().contains("unknown type 'dense_autoencodr' (did you mean 'dense_autoencoder'?)"), o.err());
  }

  @Test
  void listWithoutTypeShowsTypesAndMeasures() {
    Outcome o = ad("list");
    assertEquals(0, o.status(), o.err());
    assertTrue(o.out().contains("detectors:") && o.out().contains("measures") && o.out().contains("  mcc "),
        o.out());
  }
}
