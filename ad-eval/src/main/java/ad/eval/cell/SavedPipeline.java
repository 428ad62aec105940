package ad.eval.cell;

import ad.eval.pipeline.Pipeline;

/** A fitted pipeline of a cell and the file name it is saved under in {@code models/}. */
public record SavedPipeline(String fileName, Pipeline pipeline) {}
