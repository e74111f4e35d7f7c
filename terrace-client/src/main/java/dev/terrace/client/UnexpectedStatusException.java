package dev.terrace.client;

import dev.terrace.api.ErrorResponse;
import dev.terrace.api.TerraceException;

/**
 * An error status the API does not name, for example 405, 418, or a 3xx redirect the client does
 * not follow (one that leaves the base URL's origin, whose target {@link #headers()} names in
 * {@code Location}: the API key is never sent to another origin). SDK only: in-process there are no
 * statuses.
 */
public final class UnexpectedStatusException extends TerraceException {

  private static final long serialVersionUID = 1L;

  UnexpectedStatusException(String message, ErrorResponse response) {
    super(message, response, null);
  }
}
