package dev.terrace.engine.internal.catalog;

import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.geotiff.Sidecars;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.RasterSource;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/** A static dataset: one COG. */
final class SingleRaster implements RasterAccess {

  private final OpenOnce<GeoTiff> raster;

  /**
   * @param sidecars the files beside it to read
   * @param crs the catalog's CRS for the file, or null to take the file's own
   */
  SingleRaster(Supplier<ByteSource> bytes, Sidecars sidecars, CoordinateReferenceSystem crs) {
    this.raster =
        new OpenOnce<>(() -> GeoTiff.open(bytes.get(), TileCache.shared(), sidecars, crs));
  }

  @Override
  public List<Instant> times() {
    return List.of();
  }

  @Override
  public RasterSource raster(int step) {
    return raster.get();
  }

  @Override
  public int band(int step, int configured) {
    return configured;
  }

  @Override
  public void close() {
    raster.close();
  }
}
