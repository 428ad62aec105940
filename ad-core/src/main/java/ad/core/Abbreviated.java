package ad.core;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;

/**
 * Lists cut short for messages: a header of 300,000 columns is named by its first few and a count
 * ({@code a, b, c, d, e, f, g, h, ... and 299,992 more}), so an error stays one readable line.
 */
public final class Abbreviated {
  /** How many items a message shows before the count of the rest. */
  public static final int SHOWN = 8;

  private Abbreviated() {}

  /** {@code a, b, c}, or the first {@link #SHOWN} then {@code ... and N more}. */
  public static String join(Collection<?> items) {
    StringBuilder s = new StringBuilder();
    Iterator<?> it = items.iterator();
    for (int i = 0; i < SHOWN && it.hasNext(); i++) {
      s.append(i == 0 ? "" : ", ").append(it.next());
    }
    if (items.size() > SHOWN) {
      s.append(String.format(Locale.ROOT, ", ... and %,d more", items.size() - SHOWN));
    }
    return s.toString();
  }

  /** {@link #join} in brackets, as {@code List.toString} would give a short list: {@code [a, b, c]}. */
  public static String list(Collection<?> items) {
    return "[" + join(items) + "]";
  }
}
