package dev.terrace.client;

/**
 * The request conflicts with another one, for example an {@code Idempotency-Key} reused with another
 * body (HTTP 409). Not retried.
 */
public final class ConflictException extends ApiException {

    private static final long serialVersionUID = 1L;

    ConflictException(ErrorResponse response) {
        super(response);
    }
}
