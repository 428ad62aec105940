package ad.eval.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A value as a YAML flow expression, the way a user writes it in an experiment file: {@code [16, 8]}. */
final class FlowYaml {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");

  private FlowYaml() {}

  static String of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "none";
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(n -> items.add(of(n)));
      return "[" + String.join(", ", items) + "]";
    }
    if (node.isObject()) {
      List<String> entries = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        entries.add(e.getKey() + ": " + of(e.getValue()));
      }
      return "{" + String.join(", ", entries) + "}";
    }
    if (node.isFloatingPointNumber()) {
      return number(node.doubleValue());
    }
    if (node.isTextual()) {
      String text = node.asText();
      boolean reserved = text.equals("true") || text.equals("false") || text.equals("null");
      return PLAIN.matcher(text).matches() && !reserved ? text : node.toString();
    }
    return node.asText();
  }

  /** {@code 0.001}, {@code 3.0}, {@code 1e-10}: Java's shortest form with a YAML-style exponent. */
  static String number(double value) {
    String s = Double.toString(value);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    return mantissa + "e" + s.substring(e + 1);
  }
}
