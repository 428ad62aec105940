package ad.core.registry;

import ad.core.UserException;

/**
 * A component option with a value outside its allowed range. Thrown by options records from their
 * constructors; the spec reader adds the file and line of {@link #field()}.
 */
public class OptionException extends UserException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;

  public OptionException(String field, String problem) {
    super("'" + field + "' " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The YAML key, e.g. {@code learning_rate}. */
  public String field() {
    return field;
  }

  /** What is wrong, e.g. {@code must be > 0, got -1.0}. */
  public String problem() {
    return problem;
  }
}
