package dev.terrace.engine.internal.crs;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Reads the CRS identifiers a request may name: an EPSG code in any of its standard spellings, and
 * OGC's longitude/latitude CRSs, as GeoJSON and the OGC APIs write them:
 *
 * <ul>
 *   <li>{@code EPSG:4326}, {@code urn:ogc:def:crs:EPSG::4326} (with or without a version between
 *       the colons), {@code http://www.opengis.net/def/crs/EPSG/0/4326} (or {@code https});
 *   <li>{@code OGC:CRS84}, {@code CRS:84}, {@code urn:ogc:def:crs:OGC:1.3:CRS84}, {@code
 *       http://www.opengis.net/def/crs/OGC/1.3/CRS84}, and likewise {@code CRS83} and {@code
 *       CRS27}.
 * </ul>
 *
 * <p>Coordinates are always read x first: longitude then latitude, or easting then northing,
 * whatever axis order the authority declares (EPSG:4326 declares latitude first). That is RFC
 * 7946's order and GDAL's traditional GIS order, so {@code EPSG:4326} and {@code OGC:CRS84} name
 * the same thing here. Anything else (another authority, a PROJ string, a file or URL) is refused:
 * a request names a CRS, it does not define one.
 */
public final class CrsIdentifier {

  private static final String CODE = "(\\d{1,9})";
  private static final Pattern[] EPSG = {
    Pattern.compile("EPSG:" + CODE),
    Pattern.compile("URN:OGC:DEF:CRS:EPSG:[0-9.]*:" + CODE),
    Pattern.compile("HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[0-9.]+/" + CODE)
  };
  private static final Pattern[] OGC = {
    Pattern.compile("OGC:CRS(84|83|27)"),
    Pattern.compile("CRS:(84|83|27)"),
    Pattern.compile("URN:OGC:DEF:CRS:OGC:[0-9.]*:CRS(84|83|27)"),
    Pattern.compile("HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/[0-9.]+/CRS(84|83|27)")
  };

  /** OGC's longitude/latitude CRSs are the EPSG geographic CRSs on the same datum, in x/y order. */
  private static final Map<String, Integer> OGC_TO_EPSG =
      Map.of("84", 4326, "83", 4269, "27", 4267);

  /** The forms accepted, for messages. */
  public static final String FORMS =
      "an EPSG code (\"EPSG:32633\", \"urn:ogc:def:crs:EPSG::32633\" or "
          + "\"http://www.opengis.net/def/crs/EPSG/0/32633\") or OGC:CRS84 (also as its URN or URI)";

  private CrsIdentifier() {}

  /**
   * @param identifier a CRS identifier, in any case, blanks around it ignored
   * @return the EPSG code it stands for, or -1 if it is not an identifier of a form read here
   */
  public static int epsgCode(String identifier) {
    if (identifier == null) {
      return -1;
    }
    String id = identifier.strip().toUpperCase(Locale.ROOT);
    for (Pattern p : EPSG) {
      Matcher m = p.matcher(id);
      if (m.matches()) {
        return Integer.parseInt(m.group(1));
      }
    }
    for (Pattern p : OGC) {
      Matcher m = p.matcher(id);
      if (m.matches()) {
        return OGC_TO_EPSG.get(m.group(1));
      }
    }
    return -1;
  }

  /**
   * @param identifier a CRS identifier
   * @return the CRS, to be read in x/y order
   * @throws IllegalArgumentException if it is not an identifier of a form read here, or names a
   *     code proj4j's EPSG table lacks; the message says which forms are accepted
   */
  public static CoordinateReferenceSystem resolve(String identifier) {
    int code = epsgCode(identifier);
    if (code < 0) {
      throw new IllegalArgumentException(
          "\"" + identifier + "\" is not a CRS identifier; use " + FORMS);
    }
    try {
      return ProjCrs.epsg(code);
    } catch (RuntimeException e) {
      // proj4j reports an unknown code, or a definition it cannot build, with assorted unchecked
      // exceptions.
      throw new IllegalArgumentException("EPSG:" + code + " is not a CRS this service knows", e);
    }
  }
}
