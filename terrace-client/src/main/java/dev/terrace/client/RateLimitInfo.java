package dev.terrace.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * The rate-limit state one response reported, from its {@code X-RateLimit-*} headers. Each response carries its
 * own: the client keeps no shared "last seen" value, so concurrent calls never read each other's.
 *
 * @param limit the requests allowed per window ({@code X-RateLimit-Limit})
 * @param remaining the requests left in the current window ({@code X-RateLimit-Remaining})
 * @param reset the time until the window resets ({@code X-RateLimit-Reset}, in seconds on the wire); zero when
 *     the header is missing
 */
public record RateLimitInfo(long limit, long remaining, Duration reset) {

    /**
     * Reads the headers of one response.
     *
     * @param headers the response's headers
     * @return the state, or empty unless both {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} are
     *     present and valid
     */
    static Optional<RateLimitInfo> from(HttpHeaders headers) {
        Optional<Long> limit = Headers.count(headers, Headers.RATE_LIMIT_LIMIT);
        Optional<Long> remaining = Headers.count(headers, Headers.RATE_LIMIT_REMAINING);
        if (limit.isEmpty() || remaining.isEmpty()) {
            return Optional.empty();
        }
        Duration reset = headers.firstValue(Headers.RATE_LIMIT_RESET).flatMap(Headers::seconds).orElse(Duration.ZERO);
        return Optional.of(new RateLimitInfo(limit.get(), remaining.get(), reset));
    }
}
