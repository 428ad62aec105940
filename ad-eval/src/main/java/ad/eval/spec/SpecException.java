package ad.eval.spec;

import ad.core.UserException;
import java.nio.file.Path;

/**
 * A mistake in an experiment file, located: {@code experiments/x.yaml:12:5: unknown key 'hiden' ...}.
 */
public final class SpecException extends UserException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final int line;
  private final int column;

  SpecException(Path file, int line, int column, String problem) {
    super(file + ":" + line + ":" + column + ": " + problem);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
