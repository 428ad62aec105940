/**
 * Runs an experiment: expands it into cells ({@link ad.eval.run.CellPlan}), reuses the cells a
 * previous run stored, has a {@link ad.eval.run.CellScheduler} evaluate the others (a pool of
 * threads here, {@link ad.eval.run.InProcessScheduler}; Spark in {@code ad-spark}) and writes each
 * finished cell's rows at once, so that an interrupted run keeps every finished cell. What one cell
 * is and computes lives in {@code ad.eval.cell}; the files in {@code ad.eval.output}.
 */
package ad.eval.run;
