package dev.terrace.engine.internal.raster;

/**
 * The raster does not exist: the server answered 404 Not Found or 410 Gone, or there is no such
 * local file. Distinct from other {@link RasterIoException}s because for a grid of tiles it is an
 * answer, not a failure: a tile that was never made (open ocean, for a global elevation model)
 * holds no data.
 */
public class RasterNotFoundException extends RasterIoException {

  /**
   * @param message what is missing, naming the file or URL
   */
  public RasterNotFoundException(String message) {
    super(message);
  }

  /**
   * @param message what is missing, naming the file or URL
   * @param cause the underlying I/O failure
   */
  public RasterNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
