/**
 * Experiment grids on Spark: {@link ad.spark.grid.SparkScheduler} runs each cell of a run as a Spark
 * task. The driver expands the cells, reuses the stored ones and writes every file, exactly as a run
 * in one process does (it is the same {@link ad.eval.run.ExperimentRunner}); executors get each
 * dataset once (broadcast), evaluate cells and send back their results and files.
 */
package ad.spark.grid;
