package dev.terrace.client;

import dev.terrace.api.TerraceException;

/**
 * The call got no answer in time: an attempt outlived the client's {@code timeout} and no retry was
 * left, or the overall {@code totalTimeout} across attempts ran out. The cause, when there is one,
 * is the {@link java.net.http.HttpTimeoutException} of the last attempt. SDK only: it has no
 * problem, status or request id (a service that ran out of its own time answers a {@link
 * dev.terrace.api.ServiceException} instead).
 */
public final class ApiTimeoutException extends TerraceException {

  private static final long serialVersionUID = 1L;

  private final int attempts;

  ApiTimeoutException(String message, int attempts, Throwable cause) {
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
