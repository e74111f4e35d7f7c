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

/**
 * A stack of COGs, one per timestamp, as a catalog's {@code time_steps} list them. Each file is
 * opened only when a request reads its timestamp.
 */
final class RasterSeries implements RasterAccess {

  /** One file of the stack. */
  record Step(Instant time, String href, Supplier<ByteSource> bytes, Sidecars sidecars) {}

  private final List<Instant> times;
  private final List<OpenOnce<GeoTiff>> rasters;

  /**
   * @param steps in ascending time order
   * @param crs the catalog's CRS for every file, or null to take each file's own
   */
  RasterSeries(List<Step> steps, CoordinateReferenceSystem crs) {
    this.times = steps.stream().map(Step::time).toList();
    this.rasters =
        steps.stream()
            .map(
                s ->
                    new OpenOnce<>(
                        () -> GeoTiff.open(s.bytes().get(), TileCache.shared(), s.sidecars(), crs)))
            .toList();
  }

  @Override
  public List<Instant> times() {
    return times;
  }

  @Override
  public RasterSource raster(int step) {
    return rasters.get(step).get();
  }

  @Override
  public int band(int step, int configured) {
    return configured;
  }

  @Override
  public void close() {
    rasters.forEach(OpenOnce::close);
  }
}
