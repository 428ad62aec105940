package ad.eval.io;

import ad.core.registry.CountOrAll;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.io.IOException;

/**
 * Jackson's annotation introspector plus {@link CountOrAll}: such an option reads a whole number as
 * itself and {@code all} as {@link CountOrAll#ALL}, and writes {@code ALL} back as {@code all}. Both
 * of ad's mappers use it: the experiment reader's ({@code SpecMapper}) and the output files' ({@link
 * Json}), so run.json and the cell files say {@code all} too and read it back.
 */
public final class CountOrAllIntrospector extends JacksonAnnotationIntrospector {
  private static final long serialVersionUID = 1L;

  @Override
  public Object findDeserializer(Annotated a) {
    return a.hasAnnotation(CountOrAll.class) ? Reader.class : super.findDeserializer(a);
  }

  @Override
  public Object findSerializer(Annotated a) {
    return a.hasAnnotation(CountOrAll.class) ? Writer.class : super.findSerializer(a);
  }

  /** Reads a whole number as itself and {@code all} as {@link CountOrAll#ALL}. */
  static final class Reader extends JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext context) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return context.readValue(p, Integer.class);
      }
      if (token == JsonToken.VALUE_STRING && p.getText().trim().equals(CountOrAll.WORD)) {
        return CountOrAll.ALL;
      }
      // Not Jackson's own exceptions: the reader words those from the target type alone ("expects
      // an integer"), and the user would not learn that the word all is allowed.
      String got = switch (token) {
        case START_ARRAY -> "a list";
        case START_OBJECT -> "a mapping";
        default -> "'" + p.getText() + "'";
      };
      throw JsonMappingException.from(p, "'" + p.currentName() + "' expects an integer or '"
          + CountOrAll.WORD + "', got " + got);
    }
  }

  /** Writes {@link CountOrAll#ALL} as {@code all}, any other value as its number. */
  static final class Writer extends JsonSerializer<Integer> {
    @Override
    public void serialize(Integer value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      if (value == CountOrAll.ALL) {
        out.writeString(CountOrAll.WORD);
      } else {
        out.writeNumber(value);
      }
    }
  }
}
