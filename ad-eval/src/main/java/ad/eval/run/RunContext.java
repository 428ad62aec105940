package ad.eval.run;

import ad.core.data.DataContext;
import ad.eval.spec.ExperimentSpec;
import java.nio.file.Path;

/**
 * What a scheduler may use of the run: the spec as read (its components already built), where data
 * is, the output folder cells write their files into, and the listener that hears about progress.
 */
public record RunContext(ExperimentSpec spec, DataContext data, Path outputDirectory, RunListener listener) {}
