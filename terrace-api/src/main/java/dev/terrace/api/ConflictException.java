package dev.terrace.api;

/**
 * The request conflicts with another one: an {@code Idempotency-Key} reused with another body, or
 * while its first use is still running ({@link ErrorType#CONFLICT}, HTTP 409). Over HTTP only. Not
 * retried.
 */
public final class ConflictException extends TerraceException {

  private static final long serialVersionUID = 1L;

  /**
   * One raised in-process, or by a stand-in for either side: the problem is a {@link
   * ErrorType#CONFLICT}.
   *
   * @param detail what went wrong, for humans
   */
  public ConflictException(String detail) {
    super(detail, inProcess(ErrorType.CONFLICT, detail), null);
  }

  /**
   * One the service answered.
   *
   * @param message what went wrong, for humans
   * @param response the response
   */
  public ConflictException(String message, ErrorResponse response) {
    super(message, response, null);
  }
}
