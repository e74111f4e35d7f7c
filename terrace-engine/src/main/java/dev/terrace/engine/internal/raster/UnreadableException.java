package dev.terrace.engine.internal.raster;

import dev.terrace.engine.internal.failure.TerraceEngineException;

/**
 * A dataset cannot answer a request, though its bytes were fetched and decoded: the geometry has no
 * coordinates in the raster's CRS (it lies outside the projection's domain), the catalog names a
 * band the file lacks, or the request asks what this dataset cannot give (the cells of a grid of
 * tiles, spherical areas of a projected grid). Like {@link RasterIoException} and {@link
 * RasterFormatException} it is expected: an extraction answers that dataset {@code missing}, with
 * the message as a warning, and the rest of the response stands.
 */
public class UnreadableException extends TerraceEngineException {

  /**
   * @param message why the dataset cannot answer, in words a user can act on
   */
  public UnreadableException(String message) {
    super(message);
  }

  /**
   * @param message why the dataset cannot answer, in words a user can act on
   * @param cause the failure that says so, a projection's say
   */
  public UnreadableException(String message, Throwable cause) {
    super(message, cause);
  }
}
