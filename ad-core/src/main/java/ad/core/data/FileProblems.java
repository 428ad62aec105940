package ad.core.data;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the operating system said about a file, in words, for a message: "permission denied", "file
 * name too long", "a symbolic link loop (too many levels of symbolic links)", never a Java exception
 * name or a bare path (an {@link AccessDeniedException}'s message is only the path).
 */
public final class FileProblems {
  /** {@code FileInputStream} and friends report {@code path (reason)}. */
  private static final Pattern PARENTHESISED = Pattern.compile(".*\\((.+)\\)\\s*");

  private FileProblems() {}

  /** Exceptions whose class is the whole reason (their message is only the path), in words. */
  private static final List<Map.Entry<Class<? extends IOException>, String>> BY_CLASS = List.of(
      Map.entry(NoSuchFileException.class, "no such file or folder"),
      Map.entry(AccessDeniedException.class, "permission denied"),
      Map.entry(NotDirectoryException.class, "a part of the path is a file, not a folder"),
      Map.entry(DirectoryNotEmptyException.class, "it is a folder, and not empty"),
      Map.entry(FileAlreadyExistsException.class, "it already exists"),
      Map.entry(FileSystemLoopException.class, "a symbolic link loop"),
      Map.entry(EOFException.class, "it ends unexpectedly (a truncated file?)"));

  /** The reason {@code e} gives, in lower-case words without the path, e.g. {@code permission denied}. */
  public static String reason(IOException e) {
    for (Map.Entry<Class<? extends IOException>, String> known : BY_CLASS) {
      if (known.getKey().isInstance(e)) {
        return known.getValue();
      }
    }
    String reason;
    if (e instanceof FileSystemException f) {
      // Its message is the path then the reason; the reason alone may be null.
      reason = f.getReason();
    } else {
      String message = e.getMessage();
      Matcher m = message == null ? null : PARENTHESISED.matcher(message);
      reason = m != null && m.matches() && e instanceof FileNotFoundException ? m.group(1) : message;
    }
    if (reason == null || reason.isBlank()) {
      return "an input/output error";
    }
    return words(reason.strip());
  }

  /** {@code Too many levels of symbolic links} reads as what it usually means. */
  private static String words(String reason) {
    String lower = reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    if (lower.toLowerCase(Locale.ROOT).contains("too many levels of symbolic links")) {
      // Java adds "or unable to access attributes of symbolic link" to ELOOP's own words.
      return "a symbolic link loop (too many levels of symbolic links)";
    }
    return lower;
  }
}
