package dev.terrace.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests for this key or address (HTTP 429, {@code rate_limited}). The client retries a 429 after
 * the {@code Retry-After} the service names (up to its cap); this is thrown when the retries are spent or the
 * wait would be longer than the cap or the call's deadline.
 */
public final class RateLimitException extends ApiException {

    private static final long serialVersionUID = 1L;

    RateLimitException(ErrorResponse response) {
        super(response);
    }

    /**
     * How long the service asks the caller to wait, from {@code Retry-After} (seconds or an HTTP date).
     *
     * @return the wait, or empty when the response did not say
     */
    public Optional<Duration> retryAfter() {
        return Headers.retryAfter(headers());
    }
}
