package dev.terrace.client;

/**
 * The API key lacks the scope the operation needs (HTTP 403, {@code forbidden}). Not retried.
 */
public final class PermissionDeniedException extends ApiException {

    private static final long serialVersionUID = 1L;

    PermissionDeniedException(ErrorResponse response) {
        super(response);
    }
}
