package dev.terrace.api;

/**
 * The API key lacks the scope the operation needs ({@link ErrorType#FORBIDDEN}, HTTP 403). Over
 * HTTP only. Not retried.
 */
public final class PermissionDeniedException extends TerraceException {

  private static final long serialVersionUID = 1L;

  /**
   * One raised in-process, or by a stand-in for either side: the problem is a {@link
   * ErrorType#FORBIDDEN}.
   *
   * @param detail what went wrong, for humans
   */
  public PermissionDeniedException(String detail) {
    super(detail, inProcess(ErrorType.FORBIDDEN, detail), null);
  }

  /**
   * One the service answered.
   *
   * @param message what went wrong, for humans
   * @param response the response
   */
  public PermissionDeniedException(String message, ErrorResponse response) {
    super(message, response, null);
  }
}
