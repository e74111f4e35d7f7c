package dev.terrace.engine.geotiff;

/**
 * A compressed block that cannot be decoded. It is checked, and carries no file context, because the codecs
 * only see bytes: the reader catches it and rethrows a public exception that names the file, IFD and tile, so
 * a corrupt tile can never escape as an anonymous runtime failure.
 */
final class DecodeException extends Exception {

  DecodeException(String message) {
    super(message);
  }

  DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
