package dev.terrace.engine.geotiff;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GDAL private tags: GDAL_NODATA (one value for all bands, as text) and the per-band scale and offset
 * items of the GDAL_METADATA XML.
 */
final class GdalMetadata {

  private static final Pattern ITEM = Pattern.compile(
      "<Item\\s+name=\"(\\w+)\"(?:\\s+sample=\"(\\d+)\")?(?:\\s+role=\"(\\w+)\")?\\s*>([^<]*)</Item>");

  private GdalMetadata() {}

  static OptionalDouble nodata(Ifd ifd) {
    String text = ifd.ascii(TiffTag.GDAL_NODATA);
    if (text == null || text.isBlank()) {
      return OptionalDouble.empty();
    }
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      return OptionalDouble.of(switch (t) {
        case "nan", "-nan" -> Double.NaN;
        case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
        case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(t);
      });
    } catch (NumberFormatException e) {
      throw ifd.error(TiffTag.GDAL_NODATA, "is \"" + text + "\", not a number");
    }
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
          throw ifd.error(TiffTag.GDAL_METADATA, "has " + role + " \"" + m.group(4) + "\" for band "
              + (sample + 1) + ", not a number");
        }
      }
    }
    return fallback;
  }
}
