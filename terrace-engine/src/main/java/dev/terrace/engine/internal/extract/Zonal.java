package dev.terrace.engine.internal.extract;

import dev.terrace.api.PixelRule;
import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.stats.CellAccumulator;
import dev.terrace.engine.internal.stats.StatisticRequest;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Zonal statistics in one call, below the request API: any number of statistics of one polygon over
 * one band, computed in a single pass. For programs that hold a {@link RasterSource} and a JTS
 * geometry already (benchmarks, notebooks, batch jobs); the {@code extract} operation is built on
 * the same reader.
 *
 * <pre>{@code
 * CellAccumulator stats = Zonal.summarise(dem, 1, polygon, PixelLocator.wgs84(), PixelRule.EXACT,
 *     List.of(StatisticRequest.of(Statistic.MEAN), StatisticRequest.percentile(90)));
 * double mean = stats.mean().orElseThrow();
 * }</pre>
 */
public final class Zonal {

  private Zonal() {}

  /**
   * @param raster the raster
   * @param band the 1-based band
   * @param polygon a Polygon or MultiPolygon in {@code crs}; its edges are straight lines in the
   *     raster's CRS
   * @param crs the polygon's CRS
   * @param rule which cells count and with what weight
   * @param statistics what to compute; the accumulator keeps only what these need
   * @return the statistics of the valid cells (nodata and NaN never enter)
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the raster cannot be read
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it cannot be decoded
   */
  public static CellAccumulator summarise(
      RasterSource raster,
      int band,
      Geometry polygon,
      CoordinateReferenceSystem crs,
      PixelRule rule,
      Collection<StatisticRequest> statistics) {
    Band meta = raster.band(band);
    Geometry pixels = new PixelLocator(raster.grid(), crs).toPixels(polygon);
    return AreaReader.read(raster, band, meta, pixels, rule, CellAccumulator.of(statistics))
        .values();
  }

  /**
   * The order in which to summarise many polygons so that neighbours follow each other (along a
   * Hilbert curve) and find the tiles they share still decoded; {@code extract.batch} works in this
   * order too.
   *
   * @param polygons the polygons, all in one CRS
   * @return their indices, in working order
   */
  public static int[] localityOrder(List<Geometry> polygons) {
    return LocalityOrder.of(polygons);
  }
}
