package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.RasterNotFoundException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The files GDAL reads beside a GeoTIFF: {@code name.tif.aux.xml} (PAM: nodata, scale, offset) and
 * {@code name.tif.msk} (an external per-dataset mask). GDAL looks for them beside every local file;
 * over HTTP each look is a request, so a remote dataset asks for them only when its catalog entry
 * says so.
 */
@FunctionalInterface
public interface Sidecars {

  /** The PAM sidecar's suffix. */
  String AUX_XML = ".aux.xml";

  /** The external mask's suffix. */
  String MSK = ".msk";

  /**
   * @param suffix {@link #AUX_XML} or {@link #MSK}
   * @return the bytes of the file named like the GeoTIFF followed by {@code suffix}, or empty when
   *     there is none
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the file exists but cannot be
   *     read
   */
  Optional<ByteSource> open(String suffix);

  /**
   * @return sidecars that never exist, for sources read on their own
   */
  static Sidecars none() {
    return suffix -> Optional.empty();
  }

  /**
   * @param opener opens the file with the given suffix, throwing {@link RasterNotFoundException}
   *     when it does not exist (no such local file, or HTTP 404 / 410)
   * @return sidecars opened by {@code opener}
   */
  static Sidecars of(Function<String, ByteSource> opener) {
    return suffix -> {
      try {
        return Optional.of(opener.apply(suffix));
      } catch (RasterNotFoundException e) {
        return Optional.empty();
      }
    };
  }
}
