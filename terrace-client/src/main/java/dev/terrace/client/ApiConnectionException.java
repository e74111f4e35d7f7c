package dev.terrace.client;

import dev.terrace.api.TerraceException;

/**
 * The call got no answer because connecting, sending or receiving failed (refused, reset, closed
 * early, interrupted), after the retries the client's {@code maxRetries} allow. The cause is the
 * underlying {@link java.io.IOException} or {@link InterruptedException}. SDK only: it has no
 * problem, status or request id.
 */
public final class ApiConnectionException extends TerraceException {

  private static final long serialVersionUID = 1L;

  private final int attempts;

  ApiConnectionException(String message, int attempts, Throwable cause) {
    super(message, cause);
    this.attempts = attempts;
  }

  /**
   * How many attempts were made before giving up.
   *
   * @return at least 1, at most {@code maxRetries + 1}
   */
  public int attempts() {
    return attempts;
  }
}
