package dev.terrace.api;

/**
 * Too many requests for this key or address ({@link ErrorType#RATE_LIMITED}, HTTP 429). Over HTTP
 * only. The SDK retries a 429 after the {@code Retry-After} the service names, up to its cap; this
 * is thrown when the retries are spent or the wait would be longer than the cap or the call's
 * deadline. {@link #retryAfter()} says how long the service asked to wait, {@link #rateLimit()}
 * what is left of the window.
 */
public final class RateLimitException extends TerraceException {

  private static final long serialVersionUID = 1L;

  /**
   * One raised by a stand-in for the service: the problem is a {@link ErrorType#RATE_LIMITED}.
   *
   * @param detail what went wrong, for humans
   */
  public RateLimitException(String detail) {
    super(detail, inProcess(ErrorType.RATE_LIMITED, detail), null);
  }

  /**
   * One the service answered.
   *
   * @param message what went wrong, for humans
   * @param response the response, with its {@code Retry-After} and {@code X-RateLimit-*} headers
   */
  public RateLimitException(String message, ErrorResponse response) {
    super(message, response, null);
  }
}
