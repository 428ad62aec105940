package ad.core;

/**
 * A mistake in what the user gave us (a spec, a data file, an option), as opposed to a bug.
 *
 * <p>The message is shown to the user as it is, without a stack trace, so it must say where the
 * problem is (file, line, row, field) and what was expected. The command line exits with status 2.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
