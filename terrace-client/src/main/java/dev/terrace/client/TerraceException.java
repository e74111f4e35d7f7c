package dev.terrace.client;

/**
 * The root of every exception the client throws for a failed call; unchecked.
 *
 * <ul>
 *   <li>{@link ApiException}: the service answered with an error status (one subclass per status, the parsed
 *       {@link dev.terrace.api.Problem} and the request id on all);</li>
 *   <li>{@link ApiConnectionException}: no answer, because the connection failed;</li>
 *   <li>{@link ApiTimeoutException}: no answer in time, for one attempt or for the whole call;</li>
 *   <li>{@link InvalidResponseException}: an answer the client could not read.</li>
 * </ul>
 *
 * <p>Messages never contain the API key. Misuse of the client itself (a bad setting, a closed client) raises
 * {@link IllegalArgumentException} or {@link IllegalStateException} instead.
 */
public abstract sealed class TerraceException extends RuntimeException
        permits ApiException, ApiConnectionException, ApiTimeoutException, InvalidResponseException {

    private static final long serialVersionUID = 1L;

    TerraceException(String message, Throwable cause) {
        super(message, cause);
    }
}
