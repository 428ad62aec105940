/**
 * Runs an experiment: every (dataset, seed, detector) cell is split, scaled, fitted, scored,
 * thresholded and measured, and its result row and charts are written as soon as it finishes, so that
 * an interrupted run keeps every finished cell.
 */
package ad.eval.run;
