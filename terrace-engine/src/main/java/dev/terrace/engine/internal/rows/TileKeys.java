package dev.terrace.engine.internal.rows;

import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
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
import dev.terrace.engine.internal.extract.Part;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.raster.Blocks;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.Window;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
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

  /** How a spilled part of a polygon starts: its part ({@link Part#toBytes}), then its GeoJSON. */
  private static final byte PART = 'S';

  /**
   * The most parts a polygon is split into. A larger one is read whole, under the block of its
   * centre, rather than spill its vertices that many times.
   */
  static final int MAX_PARTS = 4096;

  private final PixelLocator locator;
  private final Blocks blocks;
  private final boolean splits;
  private long parts;

  private TileKeys(PixelLocator locator, Blocks blocks, boolean splits) {
    this.locator = locator;
    this.blocks = blocks;
    this.splits = splits;
  }

  /**
   * @param catalog the catalog the datasets are read from, or null when they are read by a service
   *     elsewhere, whose rasters cannot be known here
   */
  public static TileKeys of(Catalog catalog, List<String> datasets) {
    return of(catalog, datasets, false);
  }

  /**
   * Keys for the rows of a request that the engine reads here, with each polygon larger than a
   * block split into one part per block it reaches, when the request's statistics merge exactly
   * across parts (see {@link Part}).
   *
   * @param catalog the catalog the datasets are read from, or null when they are read by a service
   *     elsewhere
   * @param request the request the rows are read with, whatever its geometries
   */
  public static TileKeys of(Catalog catalog, BatchExtractRequest request) {
    boolean merges =
        !request.aggregation().equals(Aggregation.CELLS)
            && request.weights() == null
            && request.coverageWeight() == null
            && request.temporalAggregation() == null
            && !request.densify()
            && (request.crs() == null || "EPSG:4326".equals(request.crs()));
    return of(catalog, request.datasetIds(), merges);
  }

  private static TileKeys of(Catalog catalog, List<String> datasets, boolean splits) {
    if (catalog == null || datasets.isEmpty()) {
      return new TileKeys(null, null, false);
    }
    Optional<CatalogDataset> first = catalog.dataset(datasets.get(0));
    if (first.isEmpty() || first.get().isMosaic()) {
      return new TileKeys(null, null, false);
    }
    try {
      RasterSource raster = first.get().raster();
      return new TileKeys(new PixelLocator(raster.grid()), Blocks.of(raster), splits);
    } catch (RuntimeException e) {
      // The extraction meets the same failure and writes it in each row's error column.
      return new TileKeys(null, null, false);
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
    for (Placed p : place(geometry)) {
      if (p.part() == null) {
        byte[] payload = new byte[json.length + 1];
        payload[0] = GEOJSON;
        System.arraycopy(json, 0, payload, 1, json.length);
        sort.add(p.key(), row, payload);
      } else {
        sort.add(
            p.key(),
            row,
            ByteBuffer.allocate(1 + Part.BYTES + json.length)
                .put(PART)
                .put(p.part().toBytes())
                .put(json)
                .array());
      }
    }
  }

  /**
   * Where a geometry is read: the key it is sorted by, and the part of it read there.
   *
   * @param key the block it is sorted by
   * @param part the part of a polygon read there, or null for the whole geometry
   */
  public record Placed(long key, Part part) {}

  /**
   * @return where the geometry is read: once, under the block of its box's centre ({@link
   *     #key(Geometry)}), or — a polygon larger than a block, when the request's statistics merge
   *     exactly across parts — once per block its box reaches, its home part under the block of its
   *     centre (or its first)
   */
  public List<Placed> place(Geometry geometry) {
    long home = key(geometry);
    Blocks.Range range = parts(geometry);
    if (range == null) {
      return List.of(new Placed(home, null));
    }
    List<Long> numbers = blocks.numbers(range);
    this.parts += numbers.size();
    Window whole = blocks.window(range);
    long homeBlock = numbers.contains(home) ? home : numbers.get(0);
    List<Placed> out = new ArrayList<>(numbers.size());
    for (long b : numbers) {
      out.add(new Placed(b, new Part(blocks.window(b), whole, b == homeBlock)));
    }
    return out;
  }

  /**
   * @return whether polygons larger than a block are read in parts: the request's statistics merge
   *     exactly across parts, and its first dataset is a raster read here
   */
  public boolean splits() {
    return splits;
  }

  /**
   * @return how many parts of polygons read in parts were placed so far
   */
  public long parts() {
    return parts;
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
    int from = bytes[0] == PART ? 1 + Part.BYTES : 1;
    return StrictJson.MAPPER.readValue(bytes, from, bytes.length - from, Geometry.class);
  }

  /**
   * @return the part of its polygon a record of {@link #spill} holds, or null for a whole geometry
   */
  public static Part part(ExternalSort.Entry spilled) {
    byte[] bytes = spilled.payload();
    if (bytes[0] != PART) {
      return null;
    }
    return Part.fromBytes(ByteBuffer.wrap(bytes, 1, Part.BYTES));
  }

  /**
   * @return the blocks a polygon's box reaches in the first dataset's grid, when it is to be read
   *     in parts: more than one, at most {@link #MAX_PARTS}; null otherwise
   */
  private Blocks.Range parts(Geometry g) {
    if (!splits || !(g instanceof Polygon || g instanceof MultiPolygon)) {
      return null;
    }
    double[] box = pixelBox(g);
    Blocks.Range range = box == null ? null : blocks.reaching(box[0], box[1], box[2], box[3]);
    return range == null || range.count() < 2 || range.count() > MAX_PARTS ? null : range;
  }

  /**
   * @return {minCol, minRow, maxCol, maxRow} of a polygon's outer rings in the first dataset's
   *     pixel space, or null when a vertex has no place there
   */
  private double[] pixelBox(Geometry g) {
    double[] box = {
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    List<double[][]> shells =
        g instanceof Polygon p
            ? List.<double[][]>of(p.coordinates()[0])
            : Arrays.stream(((MultiPolygon) g).coordinates()).map(p -> p[0]).toList();
    try {
      for (double[][] ring : shells) {
        for (double[] c : ring) {
          double[] p = locator.pixel(c[0], c[1]);
          if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
            return null;
          }
          box[0] = Math.min(box[0], p[0]);
          box[1] = Math.min(box[1], p[1]);
          box[2] = Math.max(box[2], p[0]);
          box[3] = Math.max(box[3], p[1]);
        }
      }
    } catch (Proj4jException | ArrayIndexOutOfBoundsException e) {
      // Malformed or beyond the projection: read whole, where the request says what is wrong.
      return null;
    }
    return box[0] <= box[2] ? box : null;
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
