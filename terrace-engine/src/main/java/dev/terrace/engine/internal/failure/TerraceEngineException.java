package dev.terrace.engine.internal.failure;

import dev.terrace.api.ServiceException;

/**
 * A failure of the engine itself rather than a refusal of the request: a catalog, raster or remote
 * source that cannot be read (its subclasses say which). A {@link ServiceException}, since that is
 * what it is to a caller of the {@link dev.terrace.api.TerraceApi}: the in-process counterpart of
 * the service's 5xx, which a caller catches the same way on either side. Unchecked: callers that
 * can recover catch the specific subclass, everyone else lets it travel to the edge, where the
 * service answers it as an {@code internal_error} that does not repeat the message. Refusals are
 * the API's own types: {@link dev.terrace.api.InvalidRequestException}, {@link
 * dev.terrace.api.NotFoundException}.
 */
public class TerraceEngineException extends ServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, with the context a user needs to act on it
   */
  public TerraceEngineException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, with the context a user needs to act on it
   * @param cause the underlying failure
   */
  public TerraceEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
