package dev.terrace.spark;

import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.rows.JtsGeometries;
import java.io.IOException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;

/**
 * A row's geometry, read from the columns an {@link ExtractSpec} names. What cannot be read is the
 * row's error, never a failed task.
 */
final class RowGeometry {

  /** A row's geometry, or why it has none. */
  record Read(Geometry geometry, String error) {}

  private final ExtractSpec.GeometryKind kind;
  private final String[] names;
  private final int[] at;
  private final WKBReader wkb = new WKBReader();
  private final WKTReader wkt = new WKTReader();

  /**
   * @throws IllegalArgumentException naming a column the schema has not, or one of another type
   *     than the geometry's kind needs
   */
  RowGeometry(ExtractSpec spec, StructType schema) {
    this.kind = spec.geometryKind();
    this.names = spec.geometryColumns().toArray(String[]::new);
    this.at = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      if (!java.util.Arrays.asList(schema.fieldNames()).contains(names[i])) {
        throw new IllegalArgumentException(
            "the input has no column "
                + names[i]
                + " for the geometry; its columns: "
                + String.join(", ", schema.fieldNames()));
      }
      at[i] = schema.fieldIndex(names[i]);
      DataType type = schema.fields()[at[i]].dataType();
      boolean fits =
          switch (kind) {
            case WKB -> type instanceof BinaryType;
            case WKT, GEOJSON -> type instanceof StringType;
            case LON_LAT -> type instanceof NumericType;
          };
      if (!fits) {
        throw new IllegalArgumentException(
            "the column "
                + names[i]
                + " is "
                + type.simpleString()
                + ", not "
                + switch (kind) {
                  case WKB -> "binary (WKB)";
                  case WKT -> "a string (WKT)";
                  case GEOJSON -> "a string (GeoJSON)";
                  case LON_LAT -> "a number";
                }
                + ": cast it, or name the column that holds the geometry");
      }
    }
  }

  /**
   * @param value WKB bytes, or WKT text
   * @throws ParseException if it is neither
   */
  static org.locationtech.jts.geom.Geometry wkbOrWkt(Object value) throws ParseException {
    return value instanceof byte[] wkb
        ? new WKBReader().read(wkb)
        : new WKTReader().read(value.toString());
  }

  Read read(Row row) {
    for (int i = 0; i < at.length; i++) {
      if (row.isNullAt(at[i])) {
        return new Read(null, names[i] + " is null");
      }
    }
    try {
      return new Read(geometry(row), null);
    } catch (IllegalArgumentException e) {
      return new Read(null, e.getMessage());
    }
  }

  private Geometry geometry(Row row) {
    return switch (kind) {
      case WKB -> {
        try {
          yield JtsGeometries.toRecord(wkb.read((byte[]) row.get(at[0])), names[0]);
        } catch (ParseException e) {
          throw new IllegalArgumentException(names[0] + " is not valid WKB: " + e.getMessage(), e);
        }
      }
      case WKT -> {
        try {
          yield JtsGeometries.toRecord(wkt.read(row.getString(at[0])), names[0]);
        } catch (ParseException e) {
          throw new IllegalArgumentException(names[0] + " is not valid WKT: " + e.getMessage(), e);
        }
      }
      case GEOJSON -> {
        try {
          yield StrictJson.MAPPER.readValue(row.getString(at[0]), Geometry.class);
        } catch (IOException e) {
          throw new IllegalArgumentException(
              names[0] + " is not a GeoJSON geometry: " + e.getMessage(), e);
        }
      }
      case LON_LAT ->
          Point.of(
              ((Number) row.get(at[0])).doubleValue(), ((Number) row.get(at[1])).doubleValue());
    };
  }
}
