package dev.terrace.engine.internal.geotiff;

import java.util.List;
import java.util.Locale;

/**
 * One element of a WKT1 text, such as {@code PARAMETER["False_Easting",500000.0]}: its keyword and
 * its values in order, each a quoted {@link String}, a {@link Double}, a bare word (a {@link Word},
 * as in {@code AXIS["X",EAST]}) or a nested node.
 *
 * @param keyword e.g. {@code PROJCS}, as written
 * @param values the bracketed values
 */
record WktNode(String keyword, List<Object> values) {

  /** An unquoted word among the values, such as {@code EAST}. */
  record Word(String text) {}

  /**
   * @return whether the keyword is {@code name}, ignoring case as WKT readers do
   */
  boolean is(String name) {
    return keyword.equalsIgnoreCase(name);
  }

  /**
   * @return the first value when it is quoted text (an element's name), else the empty string
   */
  String name() {
    return !values.isEmpty() && values.get(0) instanceof String s ? s : "";
  }

  /**
   * @return the {@code index}-th value as a number
   */
  double number(int index) {
    if (index < values.size() && values.get(index) instanceof Double d) {
      return d;
    }
    throw new IllegalArgumentException(
        keyword + "[" + name() + "] has no number at position " + (index + 1));
  }

  /**
   * @return the first child node with this keyword, or null
   */
  WktNode child(String name) {
    for (Object v : values) {
      if (v instanceof WktNode n && n.is(name)) {
        return n;
      }
    }
    return null;
  }

  /**
   * @return every child node with this keyword, in order
   */
  List<WktNode> children(String name) {
    return values.stream()
        .filter(v -> v instanceof WktNode n && n.is(name))
        .map(v -> (WktNode) v)
        .toList();
  }

  /**
   * @return a name folded for comparison: lower case, letters and digits only ({@code
   *     "Central_Meridian"} -> {@code "centralmeridian"})
   */
  static String fold(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
