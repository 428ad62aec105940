package ad.experiments;

import ad.core.Detector;
import ad.core.Thresholder;
import ad.core.data.DatasetSource;
import ad.core.protocol.Protocol;
import ad.core.registry.ComponentType;
import ad.core.registry.Registry;
import ad.core.scale.Scaler;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** Lists the registered component types, the names a YAML {@code type:} may take. */
@Command(name = "list", description = "List the detector, thresholder, dataset, protocol and scaler types.")
final class ListCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    Registry registry = Registry.load();
    Map<String, Class<?>> kinds = new LinkedHashMap<>();
    kinds.put("detectors", Detector.class);
    kinds.put("thresholders", Thresholder.class);
    kinds.put("datasets", DatasetSource.class);
    kinds.put("protocols", Protocol.class);
    kinds.put("scalers", Scaler.class);
    PrintWriter out = command.commandLine().getOut();
    kinds.forEach((label, kind) -> {
      out.println(label + ":");
      for (ComponentType<?, ?> c : registry.all(kind)) {
        out.printf("  %-20s %s%n", c.name(), c.summary());
      }
    });
    out.flush();
    return 0;
  }
}
