package dev.terrace.client;

/**
 * No API key, or an unknown or revoked one (HTTP 401, {@code unauthorized}). Not retried.
 */
public final class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    AuthenticationException(ErrorResponse response) {
        super(response);
    }
}
