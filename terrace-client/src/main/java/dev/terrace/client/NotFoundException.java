package dev.terrace.client;

/**
 * No such provider, dataset or operation (HTTP 404, {@code not_found}). Not retried.
 */
public final class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    NotFoundException(ErrorResponse response) {
        super(response);
    }
}
