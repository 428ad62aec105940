package ad.eval.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a key of {@link ExperimentFile} that holds components of one registry kind: each a type name
 * ({@code scaler: min_max}) or a mapping with {@code type:}, an optional {@code name:} and the type's
 * options. The JSON Schema and {@code ad list experiment} read it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface ComponentSlot {
  /** The kind: {@code Detector.class}, {@code Thresholder.class}, ... */
  Class<?> value();

  /** Whether an entry may declare a {@code grid:} of option values (lists of components only). */
  boolean grid() default false;
}
