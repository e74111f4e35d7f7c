package dev.terrace.engine.internal.rows;

import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.raster.Blocks;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.RasterSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.locationtech.proj4j.Proj4jException;

/**
 * The block (tile or strip) of the first dataset's raster each point falls in, what a batch's
 * points are sorted by so that every block is decoded once. The other datasets are read in the same
 * order: the same blocks when they share the first one's grid. A dataset the key cannot be known
 * for (a service's, a grid of tiles, a raster that does not open) gives every point the same key,
 * which keeps them in input order; its rows then fail or succeed in the extraction as they would
 * have.
 */
public final class TileKeys {

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
   * Spills a 2-D point to a sort by the block it falls in, as (block, row, lon, lat).
   *
   * @return false, spilling nothing, when the geometry is not a 2-D point
   */
  public boolean spill(ExternalSort points, long row, Geometry geometry) throws IOException {
    if (!(geometry instanceof Point p) || p.coordinates().length != 2) {
      return false;
    }
    double lon = p.coordinates()[0];
    double lat = p.coordinates()[1];
    points.add(key(lon, lat), row, ByteBuffer.allocate(16).putDouble(lon).putDouble(lat).array());
    return true;
  }

  /**
   * @return the point a record of {@link #spill} holds
   */
  public static Point point(ExternalSort.Entry spilled) {
    ByteBuffer xy = ByteBuffer.wrap(spilled.payload());
    return Point.of(xy.getDouble(), xy.getDouble());
  }
}
