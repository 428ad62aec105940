/**
 * The files of a run: results.csv and results.json ({@link ad.eval.output.ResultColumns} declares
 * their columns), run.json (with the checkout's state, {@code Checkout}), the stored cells
 * ({@code cells/}), each cell's charts, models and point scores ({@link ad.eval.output.CellFiles}),
 * and the report ({@link ad.eval.output.RunReport}, with each dataset's decisions from
 * {@code DecisionTables} and the flags of suspicious or failed cells from {@code ReportFlags}).
 * Every file is written atomically.
 */
package ad.eval.output;
