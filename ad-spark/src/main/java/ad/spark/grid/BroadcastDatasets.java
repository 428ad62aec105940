package ad.spark.grid;

import ad.core.UserException;
import ad.core.data.DataContext;
import ad.eval.cell.CellSpec;
import ad.eval.cell.LoadedDataset;
import ad.eval.run.SpecResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Each dataset of a run loaded once, on the driver, and broadcast: every executor fetches it once,
 * however many of its cells it runs. A dataset is broadcast when its first cell starts and destroyed
 * (on the driver and the executors) when its last cell has finished, so a run over many datasets
 * holds only those of the cells in flight.
 */
final class BroadcastDatasets {
  private final JavaSparkContext spark;
  private final SpecResolver components;
  private final DataContext data;
  private final Map<String, Broadcast<LoadedDataset>> shipped = new HashMap<>();
  private final Map<String, UserException> failed = new HashMap<>();
  private final Map<String, Integer> pending = new HashMap<>();

  /** @param cells the cells that will ask; each must {@link #release} its dataset when finished */
  BroadcastDatasets(JavaSparkContext spark, SpecResolver components, DataContext data, List<CellSpec> cells) {
    this.spark = spark;
    this.components = components;
    this.data = data;
    cells.forEach(c -> pending.merge(c.dataset().name(), 1, Integer::sum));
  }

  /**
   * The broadcast dataset of {@code cell}, loaded and broadcast by the first cell that asks.
   *
   * @throws UserException if the dataset cannot be loaded (remembered: tried once per run)
   */
  synchronized Broadcast<LoadedDataset> of(CellSpec cell) {
    String name = cell.dataset().name();
    if (failed.containsKey(name)) {
      throw failed.get(name);
    }
    Broadcast<LoadedDataset> broadcast = shipped.get(name);
    if (broadcast == null) {
      try {
        broadcast = spark.broadcast(LoadedDataset.load(name, components.dataset(name), data));
      } catch (UserException e) {
        failed.put(name, e);
        throw e;
      }
      shipped.put(name, broadcast);
    }
    return broadcast;
  }

  /** Why the dataset of {@code cell} could not be loaded (after {@link #of} threw). */
  synchronized String failure(CellSpec cell) {
    return failed.get(cell.dataset().name()).getMessage();
  }

  /** Tells that {@code cell} no longer needs its dataset. */
  synchronized void release(CellSpec cell) {
    String name = cell.dataset().name();
    if (pending.merge(name, -1, Integer::sum) <= 0) {
      Broadcast<LoadedDataset> broadcast = shipped.remove(name);
      if (broadcast != null) {
        broadcast.destroy();
      }
    }
  }

  /** Destroys what is still broadcast (a run that stopped early). */
  synchronized void releaseAll() {
    shipped.values().forEach(Broadcast::destroy);
    shipped.clear();
  }
}
