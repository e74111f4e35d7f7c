package dev.terrace.api;

/**
 * No such provider or dataset ({@link ErrorType#NOT_FOUND}; over HTTP a 404, which an unknown route
 * or operation gets too). An unknown dataset id inside an extraction is not this but an {@link
 * InvalidRequestException} naming the field. Not retried.
 */
public final class NotFoundException extends TerraceException {

  private static final long serialVersionUID = 1L;

  /**
   * One raised in-process, or by a stand-in for either side: the problem is a {@link
   * ErrorType#NOT_FOUND}.
   *
   * @param detail what went wrong, for humans
   */
  public NotFoundException(String detail) {
    super(detail, inProcess(ErrorType.NOT_FOUND, detail), null);
  }

  /**
   * One the service answered.
   *
   * @param message what went wrong, for humans
   * @param response the response
   */
  public NotFoundException(String message, ErrorResponse response) {
    super(message, response, null);
  }
}
