package dev.terrace.client;

import java.util.Optional;

/**
 * The service answered with a success status, but its body is not the JSON the operation promises (for example
 * a proxy's HTML page, or a response of another version). The cause is Jackson's parse error.
 */
public final class InvalidResponseException extends TerraceException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String requestId;

    InvalidResponseException(String message, int statusCode, String requestId, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.requestId = requestId;
    }

    /**
     * The HTTP status of the unreadable response.
     *
     * @return for example 200
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The response's {@code X-Request-ID}, to quote when reporting the problem.
     *
     * @return the request id, or empty when the response had none
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
