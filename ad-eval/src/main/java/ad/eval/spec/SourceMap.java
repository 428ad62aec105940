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
  /** The tags of plain YAML data; any other tag (e.g. {@code !!java.lang.ProcessBuilder}) is refused. */
  private static final java.util.Set<String> PLAIN_TAGS = java.util.Set.of("tag:yaml.org,2002:str",
      "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
      "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map");

  /**
   * A YAML tag naming a type. Nothing ever reads types from an experiment file (Jackson would ignore
   * the tag), but a tag there is either a mistake or an attempt to instantiate a class: refused.
   */
  static final class ForbiddenTag extends com.fasterxml.jackson.core.JsonParseException {
    private static final long serialVersionUID = 1L;

    ForbiddenTag(JsonParser parser, String tag) {
      super(parser, "the YAML tag '" + tag.replace("tag:yaml.org,2002:", "!!") + "' is not allowed: an "
          + "experiment file is plain data (no tags other than !!str, !!int, !!float, !!bool, !!null), and "
          + "no class is ever created from it", parser.currentTokenLocation());
    }
  }

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
        Object typeId = parser.getTypeId();
        String tag = typeId == null ? null : typeId.toString();
        if (tag != null && !PLAIN_TAGS.contains(tag)) {
          throw new ForbiddenTag(parser, tag);
        }
        if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
          // Jackson's tree reader turns "*x" into the text "x", silently: refuse rather than misread.
          throw new com.fasterxml.jackson.core.JsonParseException(parser, "YAML aliases (*" + yaml.getText()
              + ") are not supported in experiment files: write the value out, or use a grid", at);
        }
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
