package dev.terrace.client;

/**
 * The service rejected the request as malformed (HTTP 400), for example a body that is not JSON.
 * Not retried.
 */
public final class BadRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    BadRequestException(ErrorResponse response) {
        super(response);
    }
}
