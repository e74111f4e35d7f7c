package dev.terrace.engine.internal.geotiff;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GDAL private tags: GDAL_NODATA (one value for all bands, as text) and the per-band scale and
 * offset items of the GDAL_METADATA XML.
 */
final class GdalMetadata {

  private static final Pattern ITEM =
      Pattern.compile(
          "<Item\\s+name=\"(\\w+)\"(?:\\s+sample=\"(\\d+)\")?(?:\\s+role=\"(\\w+)\")?\\s*>([^<]*)</Item>");

  private GdalMetadata() {}

  static OptionalDouble nodata(Ifd ifd) {
    String text = ifd.ascii(TiffTag.GDAL_NODATA);
    if (text == null || text.isBlank()) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(parseNumber(text));
    } catch (NumberFormatException e) {
      throw ifd.error(TiffTag.GDAL_NODATA, "is \"" + text + "\", not a number");
    }
  }

  /**
   * Reads a number as GDAL writes it, including {@code nan}, {@code inf} and {@code -inf}.
   *
   * @throws NumberFormatException if the text is not a number
   */
  static double parseNumber(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "nan", "-nan", "+nan" -> Double.NaN;
      case "inf", "+inf", "infinity", "+infinity", "1.#inf" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity", "-1.#inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(t);
    };
  }

  /**
   * @param role {@code "scale"} or {@code "offset"}
   * @param sample zero-based band
   * @return the value GDAL stored for that band, or {@code fallback}
   */
  static double bandItem(Ifd ifd, String role, int sample, double fallback) {
    String xml = ifd.ascii(TiffTag.GDAL_METADATA);
    if (xml == null) {
      return fallback;
    }
    Matcher m = ITEM.matcher(xml);
    while (m.find()) {
      if (role.equals(m.group(3)) && Integer.toString(sample).equals(m.group(2))) {
        try {
          return Double.parseDouble(m.group(4).trim());
        } catch (NumberFormatException e) {
          throw ifd.error(
              TiffTag.GDAL_METADATA,
              "has "
                  + role
                  + " \""
                  + m.group(4)
                  + "\" for band "
                  + (sample + 1)
                  + ", not a number");
        }
      }
    }
    return fallback;
  }
}
