package ad.eval.report;

/** A small writer of well-formed (XML-parsable) HTML that escapes every piece of text it is given. */
final class Html {
  private final StringBuilder out = new StringBuilder(1 << 16);

  /**
   * {@code text} safe as element content and as a double- or single-quoted attribute value. Control
   * characters other than tab and newline, which XML forbids, become U+FFFD.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF
            ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }

  /** Appends markup written by this package, never user text. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends escaped text. */
  Html text(String text) {
    out.append(escape(text));
    return this;
  }

  /** {@code <tag attrs>text</tag>} with the text escaped; {@code attrs} is markup of this package. */
  Html element(String tag, String attrs, String text) {
    out.append('<').append(tag).append(attrs.isEmpty() ? "" : " " + attrs).append('>')
        .append(escape(text)).append("</").append(tag).append('>');
    return this;
  }

  Html element(String tag, String text) {
    return element(tag, "", text);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
