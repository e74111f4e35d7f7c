package dev.terrace.engine.internal.rows;

import dev.terrace.api.geojson.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** WKT text, as a CSV's {@code wkt} column holds it, to the API's GeoJSON records. */
public final class Wkt {

  private final WKTReader reader = new WKTReader();

  /**
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  Geometry read(String text) {
    try {
      return JtsGeometries.toRecord(reader.read(text), "wkt");
    } catch (ParseException e) {
      throw new IllegalArgumentException("wkt is not valid WKT: " + e.getMessage(), e);
    }
  }
}
