package ad.spark.grid;

import ad.core.MemoryAdvice;
import ad.eval.cell.CellSpec;
import ad.eval.cell.LoadedDataset;
import org.apache.spark.broadcast.Broadcast;
import java.io.Serializable;

/**
 * What a Spark task gets: the cell, its dataset as broadcast (fetched once per executor), and how many
 * cells share an executor's heap (for the advice when the cell runs out of it).
 */
record ShippedCell(CellSpec cell, Broadcast<LoadedDataset> data, MemoryAdvice.HeapSharing sharing)
    implements Serializable {}
