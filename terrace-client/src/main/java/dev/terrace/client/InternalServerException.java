package dev.terrace.client;

/**
 * The service failed (HTTP 5xx: {@code internal_error} 500, {@code upstream_error} 502, overloaded 503,
 * gateway timeout 504). 502, 503 and 504 are retried first; this is thrown when the retries are spent.
 */
public final class InternalServerException extends ApiException {

    private static final long serialVersionUID = 1L;

    InternalServerException(ErrorResponse response) {
        super(response);
    }
}
