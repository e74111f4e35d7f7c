package dev.terrace.engine.internal.rows;

import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.GeometryCollection;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.MultiLineString;
import dev.terrace.api.geojson.MultiPoint;
import dev.terrace.api.geojson.MultiPolygon;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.raster.Blocks;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.RasterSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.locationtech.proj4j.Proj4jException;

/**
 * The block (tile or strip) of the first dataset's raster each geometry falls in, what a batch's
 * geometries are sorted by so that every block is decoded about once: a point's own block, any
 * other geometry's the block of its bounding box's centre (moved onto the raster's nearest cell
 * when it lies beyond the edge), so that neighbours sharing blocks follow each other and find them
 * still decoded. The other datasets are read in the same order: the same blocks when they share the
 * first one's grid. A dataset the key cannot be known for (a service's, a grid of tiles, a raster
 * that does not open) gives every geometry the same key, which keeps them in input order; its rows
 * then fail or succeed in the extraction as they would have.
 *
 * <p>Not thread-safe (its {@link PixelLocator} is not): one per thread.
 */
public final class TileKeys {

  /** How a spilled 2-D point starts: its two coordinates follow, 16 bytes. */
  private static final byte POINT = 'P';

  /** How any other spilled geometry starts: its GeoJSON follows. */
  private static final byte GEOJSON = 'G';

  private final PixelLocator locator;
  private final Blocks blocks;

  private TileKeys(PixelLocator locator, Blocks blocks) {
    this.locator = locator;
    this.blocks = blocks;
  }

  /**
   * @param catalog the catalog the datasets are read from, or null when they are read by a service
   *     elsewhere, whose rasters cannot be known here
   */
  public static TileKeys of(Catalog catalog, List<String> datasets) {
    if (catalog == null || datasets.isEmpty()) {
      return new TileKeys(null, null);
    }
    Optional<CatalogDataset> first = catalog.dataset(datasets.get(0));
    if (first.isEmpty() || first.get().tiles().isPresent()) {
      return new TileKeys(null, null);
    }
    try {
      RasterSource raster = first.get().raster();
      return new TileKeys(new PixelLocator(raster.grid()), Blocks.of(raster));
    } catch (RuntimeException e) {
      // The extraction meets the same failure and writes it in each row's error column.
      return new TileKeys(null, null);
    }
  }

  /**
   * @return the block of the point, {@link Blocks#OUTSIDE} when it is outside the raster, or 0 when
   *     no block is known
   */
  public long key(double lon, double lat) {
    if (locator == null) {
      return 0;
    }
    try {
      double[] p = locator.pixel(lon, lat);
      return blocks.at(p[0], p[1]);
    } catch (Proj4jException e) {
      return Blocks.OUTSIDE;
    }
  }

  /**
   * @return the block of the geometry's bounding box's centre, or of the raster's cell nearest it;
   *     {@link Blocks#OUTSIDE} when it has no position, 0 when no block is known
   */
  public long key(Geometry g) {
    double[] box = bounds(g);
    if (locator == null || box == null) {
      return locator == null ? 0 : Blocks.OUTSIDE;
    }
    try {
      double[] p = locator.pixel((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
      if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
        return Blocks.OUTSIDE;
      }
      return blocks.at(
          Math.clamp(p[0], 0, blocks.width() - 1), Math.clamp(p[1], 0, blocks.height() - 1));
    } catch (Proj4jException e) {
      return Blocks.OUTSIDE;
    }
  }

  /**
   * Spills a geometry to a sort by the block it falls in, as (block, row, geometry): a 2-D point as
   * its two coordinates, anything else as its GeoJSON.
   */
  public void spill(ExternalSort sort, long row, Geometry geometry) throws IOException {
    if (geometry instanceof Point p && p.coordinates().length == 2) {
      double lon = p.coordinates()[0];
      double lat = p.coordinates()[1];
      sort.add(
          key(lon, lat),
          row,
          ByteBuffer.allocate(17).put(POINT).putDouble(lon).putDouble(lat).array());
      return;
    }
    byte[] json = StrictJson.MAPPER.writeValueAsBytes(geometry);
    byte[] payload = new byte[json.length + 1];
    payload[0] = GEOJSON;
    System.arraycopy(json, 0, payload, 1, json.length);
    sort.add(key(geometry), row, payload);
  }

  /**
   * @return the geometry a record of {@link #spill} holds
   */
  public static Geometry geometry(ExternalSort.Entry spilled) throws IOException {
    byte[] bytes = spilled.payload();
    if (bytes[0] == POINT) {
      ByteBuffer xy = ByteBuffer.wrap(bytes, 1, 16);
      return Point.of(xy.getDouble(), xy.getDouble());
    }
    return StrictJson.MAPPER.readValue(bytes, 1, bytes.length - 1, Geometry.class);
  }

  /**
   * @return {minLon, minLat, maxLon, maxLat} of the geometry's positions, or null when it has none;
   *     malformed geometries fail later, in the request
   */
  private static double[] bounds(Geometry g) {
    double[] box = {
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    try {
      extend(box, g);
    } catch (RuntimeException e) {
      return null;
    }
    return box[0] <= box[2] && box[1] <= box[3] ? box : null;
  }

  private static void extend(double[] box, Geometry g) {
    switch (g) {
      case Point p -> extend(box, p.coordinates());
      case MultiPoint m -> extend(box, m.coordinates());
      case LineString l -> extend(box, l.coordinates());
      case MultiLineString m -> extend(box, m.coordinates());
      // A polygon lies within its outer ring.
      case Polygon p -> extend(box, p.coordinates()[0]);
      case MultiPolygon m -> {
        for (double[][][] p : m.coordinates()) {
          extend(box, p[0]);
        }
      }
      case GeometryCollection c -> c.geometries().forEach(part -> extend(box, part));
      case Feature f -> {
        if (f.geometry() != null) {
          extend(box, f.geometry());
        }
      }
    }
  }

  private static void extend(double[] box, double[][][] lines) {
    for (double[][] line : lines) {
      for (double[] c : line) {
        extend(box, c);
      }
    }
  }

  private static void extend(double[] box, double[][] positions) {
    for (double[] c : positions) {
      extend(box, c);
    }
  }

  private static void extend(double[] box, double[] c) {
    if (c.length >= 2 && Double.isFinite(c[0]) && Double.isFinite(c[1])) {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1]);
    }
  }
}
