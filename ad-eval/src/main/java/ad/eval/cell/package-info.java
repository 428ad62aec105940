/**
 * One cell of an experiment as a plain value: a {@link ad.eval.cell.CellSpec} in (the dataset,
 * protocol, scaler, detector and thresholders with every option resolved, the seed, the measures),
 * a {@link ad.eval.cell.CellResult} out (measures by name, sizes, timings, curves for the report,
 * the status and the reason of a failure).
 *
 * <p>Both are records of plain data, {@link java.io.Serializable} and JSON-readable, without
 * lambdas or live components: a cell can be evaluated in another thread, another process or
 * another machine (a Spark executor) and its result shipped back. {@link ad.eval.cell.CellEvaluator}
 * is the one evaluation of a cell; what it fitted and drew besides the result (pipelines to save,
 * point scores, per-cell charts) comes out as {@link ad.eval.cell.CellArtifacts} for
 * {@code ad.eval.output} to write where the run wants them.
 *
 * <p>What a cell's numbers are worth is judged here too: a degenerate model (scores that do not tell
 * rows apart, a network whose output ignores its input) fails the cell ({@link ad.eval.cell.Degeneracy});
 * a merely suspicious result keeps its numbers and carries {@link ad.eval.cell.CellWarning}s
 * ({@link ad.eval.cell.CellWarnings}).
 */
package ad.eval.cell;
