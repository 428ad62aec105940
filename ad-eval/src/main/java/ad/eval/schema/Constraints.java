package ad.eval.schema;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What an option declares about the values it takes, read from its {@code jakarta.validation}
 * constraint annotations: whether it is required, its numeric bounds, how many items a list holds,
 * a pattern for text, and the same for a list's items ({@code List<@Positive Integer>}).
 *
 * <p>The options records check their values themselves, in their constructors; these declarations
 * say the same thing in a form {@code ad list} and the JSON Schema can read, and a test checks each
 * declared bound against the constructor (accepted at an inclusive bound, refused beyond it).
 *
 * @param required null is refused ({@code @NotNull}, {@code @NotEmpty}, {@code @NotBlank})
 * @param notBlank text must hold a non-blank character ({@code @NotBlank})
 * @param min the lower bound, or null
 * @param minInclusive whether {@code min} itself is allowed
 * @param max the upper bound, or null
 * @param maxInclusive whether {@code max} itself is allowed
 * @param minSize the fewest items of a list, or null
 * @param maxSize the most items of a list, or null
 * @param pattern a regular expression text must match in full, or null
 * @param items the constraints on a list's items, or null when it declares none
 */
public record Constraints(boolean required, boolean notBlank, BigDecimal min, boolean minInclusive,
    BigDecimal max, boolean maxInclusive, Integer minSize, Integer maxSize, String pattern,
    Constraints items) {

  public static final Constraints NONE =
      new Constraints(false, false, null, true, null, true, null, null, null, null);

  /**
   * The constraints declared on {@code element} (a record component) and on the items of its type.
   */
  public static Constraints of(AnnotatedElement element, AnnotatedType type) {
    Constraints items = null;
    if (type instanceof AnnotatedParameterizedType parameterized
        && parameterized.getAnnotatedActualTypeArguments().length == 1) {
      AnnotatedType item = parameterized.getAnnotatedActualTypeArguments()[0];
      Constraints c = of(item.getAnnotations(), null);
      items = c.equals(NONE) ? null : c;
    }
    return of(element.getAnnotations(), items);
  }

  private static Constraints of(Annotation[] annotations, Constraints items) {
    boolean required = false;
    boolean notBlank = false;
    BigDecimal min = null;
    boolean minInclusive = true;
    BigDecimal max = null;
    boolean maxInclusive = true;
    Integer minSize = null;
    Integer maxSize = null;
    String pattern = null;
    for (Annotation a : annotations) {
      if (a instanceof NotNull) {
        required = true;
      } else if (a instanceof NotEmpty) {
        required = true;
        minSize = 1;
      } else if (a instanceof NotBlank) {
        required = true;
        notBlank = true;
      } else if (a instanceof Min m) {
        min = BigDecimal.valueOf(m.value());
      } else if (a instanceof Max m) {
        max = BigDecimal.valueOf(m.value());
      } else if (a instanceof DecimalMin m) {
        min = new BigDecimal(m.value());
        minInclusive = m.inclusive();
      } else if (a instanceof DecimalMax m) {
        max = new BigDecimal(m.value());
        maxInclusive = m.inclusive();
      } else if (a instanceof Positive) {
        min = BigDecimal.ZERO;
        minInclusive = false;
      } else if (a instanceof PositiveOrZero) {
        min = BigDecimal.ZERO;
      } else if (a instanceof Negative) {
        max = BigDecimal.ZERO;
        maxInclusive = false;
      } else if (a instanceof NegativeOrZero) {
        max = BigDecimal.ZERO;
      } else if (a instanceof Size s) {
        minSize = s.min() > 0 ? Integer.valueOf(s.min()) : minSize;
        maxSize = s.max() < Integer.MAX_VALUE ? s.max() : null;
      } else if (a instanceof Pattern p) {
        pattern = p.regexp();
      }
    }
    return new Constraints(required, notBlank, min, minInclusive, max, maxInclusive, minSize, maxSize,
        pattern, items);
  }

  public boolean hasBounds() {
    return min != null || max != null;
  }

  /** The allowed values in a few words: {@code > 0}, {@code [0, 1)}, {@code each >= 1}, ... */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (min != null && max != null) {
      parts.add((minInclusive ? "[" : "(") + plain(min) + ", " + plain(max) + (maxInclusive ? "]" : ")"));
    } else if (min != null) {
      parts.add((minInclusive ? ">= " : "> ") + plain(min));
    } else if (max != null) {
      parts.add((maxInclusive ? "<= " : "< ") + plain(max));
    }
    if (minSize != null && maxSize != null) {
      parts.add(minSize.equals(maxSize) ? minSize + " items" : minSize + " to " + maxSize + " items");
    } else if (minSize != null) {
      parts.add(minSize == 1 ? "not empty" : "at least " + minSize + " items");
    } else if (maxSize != null) {
      parts.add("at most " + maxSize + " items");
    }
    if (notBlank) {
      parts.add("not blank");
    }
    if (pattern != null) {
      parts.add("matching " + pattern);
    }
    if (items != null && !items.describe().isEmpty()) {
      parts.add("each " + items.describe());
    }
    return String.join("; ", parts);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
