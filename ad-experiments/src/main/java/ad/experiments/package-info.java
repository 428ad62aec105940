/**
 * The {@code ad} command-line application: {@code run}, {@code validate} and {@code list}.
 *
 * <p>Exit status: 0 on success; 2 on a user error (the message names the file, line or field, and no
 * stack trace is shown); 1 on an internal error or when cells of a run failed.
 */
package ad.experiments;
