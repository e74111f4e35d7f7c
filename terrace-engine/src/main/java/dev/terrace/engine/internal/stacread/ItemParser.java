package dev.terrace.engine.internal.stacread;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.engine.internal.raster.RasterFormatException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads what a mosaic needs of a STAC 1.0.0 Item: its id, its time ({@code properties.datetime}, or
 * {@code start_datetime} for a period), its footprint ({@code geometry}, a Polygon or MultiPolygon,
 * else {@code bbox}) and the href of the asset read.
 */
final class ItemParser {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private ItemParser() {}

  /**
   * @param item the item's document
   * @param where its absolute path or URL, against which its hrefs are resolved
   * @param asset the key of the asset read
   * @return the item
   * @throws RasterFormatException naming the item if it has no id, no footprint, or a time or
   *     geometry that cannot be read
   */
  static StacItem parse(JsonNode item, String where, String asset) {
    String id = item.path("id").asText(null);
    if (id == null) {
      throw new RasterFormatException(where + ": a STAC item needs an id");
    }
    JsonNode href = item.path("assets").path(asset).path("href");
    return new StacItem(
        id,
        time(item.path("properties"), where),
        footprint(item, where),
        href.isTextual() ? StacDocuments.resolve(where, href.asText()) : null);
  }

  private static Instant time(JsonNode properties, String where) {
    JsonNode t = properties.path("datetime");
    if (!t.isTextual()) {
      t = properties.path("start_datetime");
    }
    if (!t.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(t.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new RasterFormatException(
          where + ": \"" + t.asText() + "\" is not an RFC 3339 date-time", e);
    }
  }

  private static Geometry footprint(JsonNode item, String where) {
    JsonNode geometry = item.path("geometry");
    String type = geometry.path("type").asText("");
    JsonNode coordinates = geometry.path("coordinates");
    if (type.equals("Polygon")) {
      return polygon(coordinates, where);
    }
    if (type.equals("MultiPolygon")) {
      Polygon[] polygons = new Polygon[coordinates.size()];
      for (int i = 0; i < polygons.length; i++) {
        polygons[i] = polygon(coordinates.get(i), where);
      }
      return FACTORY.createMultiPolygon(polygons);
    }
    JsonNode bbox = item.path("bbox");
    int n = bbox.size();
    if (n != 4 && n != 6) {
      throw new RasterFormatException(
          where + ": a STAC item needs a Polygon or MultiPolygon geometry, or a bbox");
    }
    // With heights, a bbox is west, south, bottom, east, north, top.
    return FACTORY.toGeometry(
        new Envelope(
            bbox.get(0).asDouble(),
            bbox.get(n / 2).asDouble(),
            bbox.get(1).asDouble(),
            bbox.get(n / 2 + 1).asDouble()));
  }

  private static Polygon polygon(JsonNode rings, String where) {
    if (rings.isEmpty()) {
      throw new RasterFormatException(where + ": the item's geometry has an empty polygon");
    }
    LinearRing[] all = new LinearRing[rings.size()];
    for (int r = 0; r < all.length; r++) {
      JsonNode ring = rings.get(r);
      Coordinate[] c = new Coordinate[ring.size()];
      for (int i = 0; i < c.length; i++) {
        if (ring.get(i).size() < 2) {
          throw new RasterFormatException(where + ": the item's geometry has a bad position");
        }
        c[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
      }
      try {
        all[r] = FACTORY.createLinearRing(c);
      } catch (IllegalArgumentException e) {
        throw new RasterFormatException(
            where + ": the item's geometry has a ring that is not closed: " + e.getMessage(), e);
      }
    }
    return FACTORY.createPolygon(all[0], Arrays.copyOfRange(all, 1, all.length));
  }
}
