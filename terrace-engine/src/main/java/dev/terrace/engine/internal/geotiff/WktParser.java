package dev.terrace.engine.internal.geotiff;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses WKT1 text (OGC and ESRI flavours share the syntax) into {@link WktNode}s. Strict about
 * structure, so that a damaged citation fails here rather than yielding half a CRS; nesting is
 * bounded because the text comes from the file.
 */
final class WktParser {

  /**
   * Deeper than any CRS WKT1 can be (a PROJCS nests GEOGCS, DATUM, SPHEROID, AUTHORITY: five
   * levels).
   */
  private static final int MAX_DEPTH = 16;

  private final String text;
  private int pos;

  private WktParser(String text) {
    this.text = text;
  }

  /**
   * @param text e.g. {@code PROJCS["name",GEOGCS[...],...]}
   * @return the root element
   * @throws IllegalArgumentException if the text is not one well-formed WKT element
   */
  static WktNode parse(String text) {
    WktParser p = new WktParser(text);
    WktNode root = p.node(0);
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("text after the end of " + root.keyword());
    }
    return root;
  }

  private WktNode node(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
    skipSpace();
    String keyword = word();
    if (keyword.isEmpty()) {
      throw error("expected a keyword");
    }
    skipSpace();
    char open = next();
    if (open != '[' && open != '(') {
      throw error("expected [ after " + keyword);
    }
    char close = open == '[' ? ']' : ')';
    List<Object> values = new ArrayList<>();
    while (true) {
      values.add(value(depth));
      skipSpace();
      char c = next();
      if (c == close) {
        return new WktNode(keyword, List.copyOf(values));
      }
      if (c != ',') {
        throw error("expected , or " + close + " in " + keyword);
      }
    }
  }

  private Object value(int depth) {
    skipSpace();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    if (c == '"') {
      int end = text.indexOf('"', pos + 1);
      if (end < 0) {
        throw error("unterminated string");
      }
      String s = text.substring(pos + 1, end);
      pos = end + 1;
      return s;
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      int start = pos;
      while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      try {
        return Double.parseDouble(text.substring(start, pos));
      } catch (NumberFormatException e) {
        throw error("bad number " + text.substring(start, pos));
      }
    }
    int start = pos;
    String w = word();
    skipSpace();
    if (pos < text.length() && (text.charAt(pos) == '[' || text.charAt(pos) == '(')) {
      pos = start;
      return node(depth + 1);
    }
    if (w.isEmpty()) {
      throw error("unexpected character '" + c + "'");
    }
    return new WktNode.Word(w);
  }

  private String word() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos++);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("WKT: " + problem + " at character " + pos);
  }
}
