package dev.terrace.engine.internal.io;

/**
 * A failed attempt that may succeed if repeated: a timeout, a dropped connection, a truncated body.
 * Checked, so that no path can forget to decide between retrying and giving up.
 */
final class TransientFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, without the URL (the caller adds it when giving up)
   * @param cause the underlying failure, or null
   */
  TransientFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
