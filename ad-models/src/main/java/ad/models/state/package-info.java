/**
 * Saving and loading fitted models ({@link ad.core.persist}): the checks every family makes when it
 * reads its state back ({@link ad.models.state.CheckedState}) and the training history's keys
 * ({@link ad.models.state.HistoryState}).
 *
 * <p>A model's state holds only numbers and texts; what the arrays must look like follows from the
 * detector's options and the input width or shape, which every family saves explicitly. So a file
 * whose arrays do not fit the options it names (edited, truncated, or written by another version) fails
 * on load with a message naming the key, rather than scoring with garbage.
 */
package ad.models.state;
