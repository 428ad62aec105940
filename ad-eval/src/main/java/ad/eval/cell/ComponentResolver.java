package ad.eval.cell;

/**
 * Builds the components of a cell: from the spec already read in this process, or from the
 * registry in a process that only has the cell ({@link RegistryResolver}).
 */
@FunctionalInterface
public interface ComponentResolver {
  CellComponents resolve(CellSpec cell);
}
