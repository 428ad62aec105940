package ad.spark.grid;

import ad.eval.cell.CellSpec;
import ad.eval.cell.LoadedDataset;
import org.apache.spark.broadcast.Broadcast;
import java.io.Serializable;

/** What a Spark task gets: the cell, and its dataset as broadcast (fetched once per executor). */
record ShippedCell(CellSpec cell, Broadcast<LoadedDataset> data) implements Serializable {}
