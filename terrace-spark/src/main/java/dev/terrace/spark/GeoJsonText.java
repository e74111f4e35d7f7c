package dev.terrace.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.rows.JtsGeometries;
import org.apache.spark.sql.api.java.UDF1;
import org.locationtech.jts.io.ParseException;

/** A WKB or WKT geometry as GeoJSON text, for {@link ExtractJob}'s features; null if unreadable. */
final class GeoJsonText implements UDF1<Object, String> {

  private static final long serialVersionUID = 1L;

  private final String column;

  GeoJsonText(String column) {
    this.column = column;
  }

  @Override
  public String call(Object geometry) throws JsonProcessingException {
    if (geometry == null) {
      return null;
    }
    try {
      return StrictJson.MAPPER.writeValueAsString(
          JtsGeometries.toRecord(RowGeometry.wkbOrWkt(geometry), column));
    } catch (ParseException | IllegalArgumentException e) {
      // The row's error column says why; its feature has no geometry.
      return null;
    }
  }
}
