package dev.terrace.engine.internal.raster;

import dev.terrace.engine.internal.failure.TerraceEngineException;

/**
 * The bytes of a raster could not be fetched: a file that cannot be opened, a server that keeps
 * failing or stalls, a connection cut mid-body, or a remote file that changed between two reads.
 * The content itself may be fine; a later attempt may succeed. Undecodable content is {@link
 * RasterFormatException}.
 */
public class RasterIoException extends TerraceEngineException {

  /**
   * @param message what failed, naming the file or URL
   */
  public RasterIoException(String message) {
    super(message);
  }

  /**
   * @param message what failed, naming the file or URL
   * @param cause the underlying I/O failure
   */
  public RasterIoException(String message, Throwable cause) {
    super(message, cause);
  }
}
