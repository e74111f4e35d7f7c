package dev.terrace.engine.internal.catalog;

import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.netcdf.NetcdfRaster;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.UnreadableException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A variable of a netCDF file, whose bands are its time steps. Steps with timestamps make a time
 * series, one step per timestamp. Steps without (a time coordinate without {@code units}, which
 * GDAL too reads as plain bands) make a static dataset reading the step the catalog's {@code band}
 * names, the first by default.
 */
final class NetcdfVariable implements RasterAccess {

  /**
   * netCDF-3 is read whole from anywhere but a local file; beyond this it should be a local file.
   */
  private static final long MAX_REMOTE_BYTES = 256L << 20;

  private final OpenOnce<NetcdfRaster> raster;
  private final String variable;
  private final boolean bandNamed;

  /**
   * @param file the local file, or null when the bytes come from elsewhere (a URL, the built-in
   *     samples)
   * @param bytes the file's bytes, read whole when it is not local
   * @param variable the variable's name
   * @param bandNamed whether the catalog names a band, which only steps without timestamps accept
   */
  NetcdfVariable(Path file, Supplier<ByteSource> bytes, String variable, boolean bandNamed) {
    this.variable = variable;
    this.bandNamed = bandNamed;
    this.raster =
        new OpenOnce<>(
            () -> file != null ? NetcdfRaster.open(file, variable) : fetch(bytes, variable));
  }

  private static NetcdfRaster fetch(Supplier<ByteSource> bytes, String variable) {
    try (ByteSource source = bytes.get()) {
      if (source.length() > MAX_REMOTE_BYTES) {
        throw new RasterIoException(
            source.name()
                + ": "
                + source.length()
                + " bytes; a netCDF file that is not"
                + " local is read whole, up to "
                + MAX_REMOTE_BYTES
                + " bytes: copy it to a local path");
      }
      return NetcdfRaster.open(source.name(), source.read(0, (int) source.length()), variable);
    }
  }

  @Override
  public List<Instant> times() {
    return raster.get().times();
  }

  @Override
  public RasterSource raster(int step) {
    return raster.get();
  }

  @Override
  public int band(int step, int configured) {
    if (raster.get().times().isEmpty()) {
      // A static variable: the named step, which the raster checks it has.
      return configured;
    }
    if (bandNamed) {
      throw new UnreadableException(
          "the catalog names a band of netCDF variable \""
              + variable
              + "\", whose"
              + " steps have timestamps: a request's time_range selects them");
    }
    return step + 1;
  }

  @Override
  public void close() {
    raster.close();
  }
}
