package dev.terrace.client;

/**
 * An error status the API does not document, for example 405, 413, or a 3xx redirect the client does not
 * follow (one that leaves the base URL's origin, whose target {@link #headers()} names in {@code Location}:
 * the API key is never sent to another origin).
 */
public final class UnexpectedStatusException extends ApiException {

    private static final long serialVersionUID = 1L;

    UnexpectedStatusException(ErrorResponse response) {
        super(response);
    }
}
