package ad.eval.run;

import ad.core.UserException;
import ad.core.data.DataContext;
import ad.eval.cell.CellComponents;
import ad.eval.cell.CellSpec;
import ad.eval.cell.LoadedDataset;
import ad.eval.cell.PreparedSplit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Loads each dataset once and prepares each (dataset, seed) split once, however many detectors and
 * workers of this process use them: both are immutable, so cells share them safely. Each is dropped
 * as soon as the last cell that needs it has finished ({@link #release}), so a long run over many
 * large datasets holds only what its cells in flight use.
 */
final class PreparedData {
  private final DataContext context;
  private final Consumer<String> warn;
  private final Map<String, CompletableFuture<LoadedDataset>> datasets = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<PreparedSplit>> splits = new ConcurrentHashMap<>();
  private final Map<String, Integer> pendingByDataset = new ConcurrentHashMap<>();
  private final Map<String, Integer> pendingBySplit = new ConcurrentHashMap<>();

  /**
   * @param cells the cells that will ask for data; each must call {@link #release} when done
   * @param warn hears about each split's unseen categorical values, once per split
   */
  PreparedData(DataContext context, List<CellSpec> cells, Consumer<String> warn) {
    this.context = context;
    this.warn = warn;
    for (CellSpec c : cells) {
      pendingByDataset.merge(c.dataset().name(), 1, Integer::sum);
      pendingBySplit.merge(splitKey(c), 1, Integer::sum);
    }
  }

  /**
   * The split of {@code cell}, prepared by the first cell that asks for it.
   *
   * @throws UserException if the dataset cannot be loaded or split (the same error for every cell)
   */
  PreparedSplit split(CellSpec cell, CellComponents components) {
    return once(splits, splitKey(cell), () -> PreparedSplit.prepare(
        once(datasets, cell.dataset().name(), () -> LoadedDataset.load(cell.dataset().name(), components.dataset(),
            context)),
        cell.seed(), components.protocol(), components.scaler(), cell.settings().perFileModels(), warn));
  }

  /** Tells that {@code cell} no longer needs its data. */
  void release(CellSpec cell) {
    String split = splitKey(cell);
    if (pendingBySplit.merge(split, -1, Integer::sum) <= 0) {
      splits.remove(split);
    }
    if (pendingByDataset.merge(cell.dataset().name(), -1, Integer::sum) <= 0) {
      datasets.remove(cell.dataset().name());
    }
  }

  private static String splitKey(CellSpec cell) {
    return cell.dataset().name() + "\u0000" + cell.seed();
  }

  /**
   * Computes the value for {@code key} in the first thread that asks; others wait for it. A failure
   * is remembered too, so a dataset that cannot be loaded is tried once, not once per cell.
   */
  private static <T> T once(Map<String, CompletableFuture<T>> memo, String key, Supplier<T> compute) {
    CompletableFuture<T> mine = new CompletableFuture<>();
    CompletableFuture<T> existing = memo.putIfAbsent(key, mine);
    if (existing != null) {
      return join(existing);
    }
    try {
      mine.complete(compute.get());
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
    }
    return join(mine);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
