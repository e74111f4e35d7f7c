package dev.terrace.engine.internal.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL or path of each tile of a grid, from a template with placeholders for the tile's
 * south-west corner:
 *
 * <ul>
 *   <li>{@code {NS}}: {@code N}, or {@code S} for a corner south of the equator;
 *   <li>{@code {EW}}: {@code E}, or {@code W} for a corner west of Greenwich;
 *   <li>{@code {lat}}, {@code {lon}}: the corner's absolute latitude and longitude in whole
 *       degrees; {@code {lat:02}}, {@code {lon:03}} pad them with zeros to that many digits.
 * </ul>
 *
 * <p>So {@code {NS}{lat:02}{EW}{lon:03}} names the tile whose corner is at 49°N 6°E {@code
 * N49E006}, and the one at 3°S 180°W {@code S03W180}. A template must place the latitude and the
 * longitude, each with its hemisphere (absolute degrees alone would give two tiles one name);
 * anything else in braces is refused.
 */
public final class UrlTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern FIELD = Pattern.compile("(NS|EW|lat|lon)(?::0([1-9]))?");

  private enum Kind {
    NS("{NS}"),
    EW("{EW}"),
    LAT("{lat}"),
    LON("{lon}");

    final String placeholder;

    Kind(String placeholder) {
      this.placeholder = placeholder;
    }
  }

  /** Literal text ({@code kind} null) or a placeholder and its zero-padded width (0 for none). */
  private record Part(String text, Kind kind, int width) {}

  private final String template;
  private final List<Part> parts;

  private UrlTemplate(String template, List<Part> parts) {
    this.template = template;
    this.parts = parts;
  }

  /**
   * @param template the template, for example {@code
   *     https://example.org/dem/{NS}{lat:02}{EW}{lon:03}.tif}
   * @return the parsed template
   * @throws IllegalArgumentException naming the offending placeholder if one is unknown or a brace
   *     is unmatched, or if the latitude, the longitude or a hemisphere is missing
   */
  public static UrlTemplate parse(String template) {
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int end = 0;
    while (m.find()) {
      literal(template, end, m.start(), parts);
      Matcher field = FIELD.matcher(m.group(1));
      if (!field.matches()) {
        throw new IllegalArgumentException(
            "unknown placeholder "
                + m.group()
                + " at position "
                + m.start()
                + "; the placeholders are {NS}, {EW}, {lat}, {lon}, and {lat:0N}, {lon:0N} for N digits");
      }
      Kind kind = Kind.valueOf(field.group(1).toUpperCase(Locale.ROOT));
      parts.add(
          new Part(null, kind, field.group(2) == null ? 0 : Integer.parseInt(field.group(2))));
      end = m.end();
    }
    literal(template, end, template.length(), parts);
    for (Kind k : Kind.values()) {
      if (parts.stream().noneMatch(p -> p.kind() == k)) {
        throw new IllegalArgumentException(
            "has no "
                + k.placeholder
                + ": a tile's name needs {lat} and {lon} with their hemispheres {NS} and {EW}");
      }
    }
    return new UrlTemplate(template, List.copyOf(parts));
  }

  private static void literal(String template, int from, int to, List<Part> parts) {
    String text = template.substring(from, to);
    int open = text.indexOf('{');
    int close = text.indexOf('}');
    int brace = open < 0 ? close : close < 0 ? open : Math.min(open, close);
    if (brace >= 0) {
      throw new IllegalArgumentException(
          "unmatched '" + text.charAt(brace) + "' at position " + (from + brace));
    }
    if (!text.isEmpty()) {
      parts.add(new Part(text, null, 0));
    }
  }

  /**
   * @param tile a tile
   * @return the tile's URL or path
   */
  public String format(Tile tile) {
    StringBuilder out = new StringBuilder(template.length() + 8);
    for (Part p : parts) {
      if (p.kind() == null) {
        out.append(p.text());
        continue;
      }
      switch (p.kind()) {
        case NS -> out.append(tile.south() < 0 ? 'S' : 'N');
        case EW -> out.append(tile.west() < 0 ? 'W' : 'E');
        case LAT -> pad(out, Math.abs(tile.south()), p.width());
        case LON -> pad(out, Math.abs(tile.west()), p.width());
      }
    }
    return out.toString();
  }

  private static void pad(StringBuilder out, int degrees, int width) {
    String digits = Integer.toString(degrees);
    out.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
  }

  /**
   * @return the template as written
   */
  @Override
  public String toString() {
    return template;
  }
}
