package dev.terrace.engine.internal.raster;

import dev.terrace.engine.internal.failure.TerraceEngineException;

/**
 * The bytes were read but do not make a raster we can decode: a truncated file, an offset past the
 * end, an absurd size, an unknown compression. Thrown when the content is wrong; retrying will not
 * help. Failures to fetch the bytes at all are {@link RasterIoException}.
 *
 * <p>The message always names the file, and where known the image (IFD) and tag, so that a user can
 * find the fault with {@code tiffinfo} or {@code gdalinfo}.
 */
public class RasterFormatException extends TerraceEngineException {

  /**
   * @param message what is wrong, naming the file and, where known, the IFD and tag
   */
  public RasterFormatException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, naming the file and, where known, the IFD and tag
   * @param cause the decoder's own complaint
   */
  public RasterFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
