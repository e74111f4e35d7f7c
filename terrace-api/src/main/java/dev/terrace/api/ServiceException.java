package dev.terrace.api;

import org.jspecify.annotations.Nullable;

/**
 * The service or the engine failed rather than refused the request. Over HTTP a 5xx: {@link
 * ErrorType#INTERNAL_ERROR} (500), {@link ErrorType#UPSTREAM_ERROR} (502), {@link
 * ErrorType#OVERLOADED} (503, with a {@link #retryAfter()}) or {@link ErrorType#TIMEOUT} (504),
 * which the SDK retries first and throws when the retries are spent (another 5xx, such as 501, at
 * once). In-process an engine failure that escaped the call, such as a catalog or raster that
 * cannot be read; its message names what failed, which the service never sends: it answers every
 * such failure with an {@code internal_error} that names only the request id.
 *
 * <p>Not final: the engine's own failures ({@code TerraceEngineException}) are this kind.
 */
public class ServiceException extends TerraceException {

  private static final long serialVersionUID = 1L;

  /**
   * An in-process failure: the problem is an {@link ErrorType#INTERNAL_ERROR}.
   *
   * @param detail what failed
   */
  public ServiceException(String detail) {
    this(detail, (Throwable) null);
  }

  /**
   * An in-process failure with its cause: the problem is an {@link ErrorType#INTERNAL_ERROR}.
   *
   * @param detail what failed
   * @param cause the underlying failure, or null
   */
  public ServiceException(String detail, @Nullable Throwable cause) {
    super(detail, inProcess(ErrorType.INTERNAL_ERROR, detail), cause);
  }

  /**
   * One the service answered.
   *
   * @param message what went wrong, for humans
   * @param response the response
   */
  public ServiceException(String message, ErrorResponse response) {
    super(message, response, null);
  }
}
