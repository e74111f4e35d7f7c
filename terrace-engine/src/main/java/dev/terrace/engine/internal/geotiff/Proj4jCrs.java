package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.crs.ProjCrs;
import java.util.Set;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Makes proj4j CRSs from EPSG codes and PROJ definitions, the two forms file CRSs are turned into,
 * through {@link ProjCrs} so they compute what PROJ does (transverse Mercator by the exact series).
 */
final class Proj4jCrs {

  /**
   * EPSG geographic CRSs whose coordinates are grads rather than degrees (all on the Paris
   * meridian).
   */
  private static final Set<Integer> GRADS = Set.of(4807, 4810, 4811, 4816, 4821, 4901, 4902);

  private Proj4jCrs() {}

  /**
   * @param code an EPSG code
   * @return proj4j's definition of it
   * @throws org.locationtech.proj4j.Proj4jException if proj4j does not know the code
   */
  static CoordinateReferenceSystem epsg(int code) {
    return ProjCrs.epsg(code);
  }

  /**
   * @return degrees per unit of the EPSG geographic CRS {@code code}'s coordinates: 0.9 for grads,
   *     else 1
   */
  static double epsgDegreesPerUnit(int code) {
    return GRADS.contains(code) ? 0.9 : 1;
  }

  /**
   * @param params a PROJ definition such as {@code +proj=tmerc +lat_0=0 ...}
   * @return the CRS, named {@code user-defined}
   * @throws RuntimeException (proj4j's own, or IllegalArgumentException) if proj4j cannot build it
   */
  static CoordinateReferenceSystem define(String params) {
    return ProjCrs.define("user-defined", params);
  }
}
