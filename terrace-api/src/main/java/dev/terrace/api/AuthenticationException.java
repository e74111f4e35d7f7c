package dev.terrace.api;

/**
 * No API key, or an unknown or revoked one ({@link ErrorType#UNAUTHORIZED}, HTTP 401). Over HTTP
 * only: the engine in-process has no keys. Not retried.
 */
public final class AuthenticationException extends TerraceException {

  private static final long serialVersionUID = 1L;

  /**
   * One raised in-process, or by a stand-in for either side: the problem is a {@link
   * ErrorType#UNAUTHORIZED}.
   *
   * @param detail what went wrong, for humans
   */
  public AuthenticationException(String detail) {
    super(detail, inProcess(ErrorType.UNAUTHORIZED, detail), null);
  }

  /**
   * One the service answered.
   *
   * @param message what went wrong, for humans
   * @param response the response
   */
  public AuthenticationException(String message, ErrorResponse response) {
    super(message, response, null);
  }
}
