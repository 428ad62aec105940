package ad.eval.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML (or JSON) document stands: JSON pointer to line and column.
 *
 * <p>The location of a key is where its name starts, so that an error about {@code learning_rate}
 * points at the line a user reads as "the learning_rate line".
 */
final class SourceMap {
  private final Map<String, Position> positions;

  private SourceMap(Map<String, Position> positions) {
    this.positions = positions;
  }

  /** A line and column, both 1-based. */
  record Position(int line, int column) {
    @Override
    public String toString() {
      return line + ":" + column;
    }
  }

  static SourceMap of(JsonFactory factory, String text) throws JsonProcessingException {
    Map<String, Position> positions = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      while (parser.nextToken() != null) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        JsonLocation at = parser.currentTokenLocation();
        positions.putIfAbsent(pointer, new Position(at.getLineNr(), at.getColumnNr()));
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new SourceMap(positions);
  }

  /** The position of {@code pointer}, or of its nearest enclosing value that has one. */
  Position find(String pointer) {
    String p = pointer;
    while (true) {
      Position found = positions.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return new Position(1, 1);
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
  }
}
