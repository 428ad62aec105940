/**
 * The files of a run: results.csv and results.json ({@link ad.eval.output.ResultColumns} declares
 * their columns), run.json, the stored cells ({@code cells/}), each cell's charts, models and point
 * scores ({@link ad.eval.output.CellFiles}), and the report ({@link ad.eval.output.RunReport}).
 * Every file is written atomically.
 */
package ad.eval.output;
