package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.RasterFormatException;

/**
 * A compressed block that cannot be decoded. It is checked, and carries no file context, because
 * the codecs only see bytes: the reader catches it and rethrows a public exception that names the
 * file, IFD and tile, so a corrupt tile can never escape as an anonymous runtime failure.
 */
final class DecodeException extends Exception {

  /**
   * Whether the block is well formed but uses a variant of its codec the reader does not decode.
   */
  private final boolean unsupported;

  DecodeException(String message) {
    this(message, null, false);
  }

  DecodeException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private DecodeException(String message, Throwable cause, boolean unsupported) {
    super(message, cause);
    this.unsupported = unsupported;
  }

  /**
   * @return an exception for a block that is not corrupt but encoded in a way the reader refuses
   */
  static DecodeException unsupported(String message) {
    return new DecodeException(message, null, true);
  }

  /**
   * @return the public exception for block {@code index} of an image, naming the file, IFD and
   *     block
   */
  RasterFormatException about(ImageLayout layout, int index) {
    return new RasterFormatException(
        layout.describeBlock(index)
            + ": "
            + (unsupported ? "" : layout.compression() + " data is corrupt: ")
            + getMessage(),
        this);
  }
}
