package ad.core.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code Integer} option that is a limit and also takes the word {@code all}: no limit,
 * held as {@link #ALL} ({@code Integer.MAX_VALUE}, a limit no table reaches) and written back as
 * {@code all}; {@code max_rows: all} rather than a number larger than any table. The experiment
 * reader, the schema and {@code ad list} know the mark (ad-core itself stays free of Jackson's
 * databind).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface CountOrAll {
  /** The value {@code all} is read as. */
  int ALL = Integer.MAX_VALUE;

  /** The word for no limit. */
  String WORD = "all";
}
