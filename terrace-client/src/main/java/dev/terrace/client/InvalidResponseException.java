package dev.terrace.client;

import dev.terrace.api.ErrorResponse;
import dev.terrace.api.TerraceException;

/**
 * The service answered with a success status, but its body is not the JSON the operation promises
 * (for example a proxy's HTML page, or a response of another version). The cause is Jackson's parse
 * error. SDK only: {@link #statusCode()}, {@link #headers()} and {@link #requestId()} are the
 * unreadable response's; it has no problem.
 */
public final class InvalidResponseException extends TerraceException {

  private static final long serialVersionUID = 1L;

  InvalidResponseException(String message, ErrorResponse response, Throwable cause) {
    super(message, response, cause);
  }
}
