package dev.terrace.engine.internal.crs;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.proj.TransverseMercatorProjection;

/**
 * Builds proj4j CRSs from EPSG codes and PROJ definitions, computing transverse Mercator as PROJ
 * does.
 *
 * <p>PROJ's {@code tmerc} is the exact Poder/Engsager (Krüger) series; proj4j's {@code tmerc} is
 * the old series PROJ keeps only behind {@code +approx}, which drifts from it by millimetres a few
 * degrees from the central meridian, and round-trips badly. proj4j has the exact series as {@code
 * etmerc} (and uses it for {@code utm}), so every {@code tmerc} made here, from proj4j's EPSG table
 * or from a definition, is made as {@code etmerc}. (proj4j cannot read {@code +approx}, so the old
 * series is never what a definition asked for.)
 */
public final class ProjCrs {

  private static final CRSFactory FACTORY = new CRSFactory();

  /**
   * proj4j re-reads its EPSG table on every lookup (about 10 ms), so each code is looked up once.
   */
  private static final Map<Integer, CoordinateReferenceSystem> EPSG = new ConcurrentHashMap<>();

  private static final CoordinateReferenceSystem WGS84 = epsg(4326);

  private ProjCrs() {}

  /**
   * @param code an EPSG code
   * @return proj4j's definition of it, named {@code EPSG:<code>}; the same instance for the same
   *     code
   * @throws org.locationtech.proj4j.Proj4jException if proj4j does not know the code
   */
  public static CoordinateReferenceSystem epsg(int code) {
    return EPSG.computeIfAbsent(code, c -> exact(FACTORY.createFromName("EPSG:" + c)));
  }

  /**
   * @return WGS 84 longitude/latitude in degrees (EPSG:4326, read in x = longitude order)
   */
  public static CoordinateReferenceSystem wgs84() {
    return WGS84;
  }

  /**
   * @param name a name for the CRS, or null
   * @param definition a PROJ definition such as {@code +proj=tmerc +lat_0=0 ...}
   * @return the CRS
   * @throws RuntimeException (proj4j's own, or IllegalArgumentException) if proj4j cannot build it
   */
  public static CoordinateReferenceSystem define(String name, String definition) {
    return exact(FACTORY.createFromParameters(name, definition));
  }

  private static CoordinateReferenceSystem exact(CoordinateReferenceSystem crs) {
    if (!(crs.getProjection() instanceof TransverseMercatorProjection)) {
      return crs;
    }
    String[] exact =
        Arrays.stream(crs.getParameters())
            .map(p -> p.trim().replaceFirst("^\\+", "").equals("proj=tmerc") ? "+proj=etmerc" : p)
            .toArray(String[]::new);
    return FACTORY.createFromParameters(crs.getName(), exact);
  }
}
