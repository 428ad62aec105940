package ad.eval.cell;

import java.io.Serializable;

/**
 * Which cell a result belongs to.
 *
 * @param id the cell's content hash (the name of its file under {@code cells/})
 */
public record CellIdentity(String experiment, String id, String dataset, String detector, String detectorType,
    long seed) implements Serializable {}
