package dev.terrace.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Header names the API uses, and readers for the ones with a value format. */
final class Headers {

    static final String REQUEST_ID = "X-Request-ID";
    static final String RATE_LIMIT_LIMIT = "X-RateLimit-Limit";
    static final String RATE_LIMIT_REMAINING = "X-RateLimit-Remaining";
    static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String AUTHORIZATION = "Authorization";

    private Headers() {
    }

    /**
     * {@code Retry-After} as a wait: delay-seconds (fractions accepted) or an HTTP date, which counts from now;
     * a date in the past is no wait.
     */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue(RETRY_AFTER).map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> seconds = seconds(value.get());
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A non-negative number of seconds, fractions accepted; empty for anything else. */
    static Optional<Duration> seconds(String value) {
        try {
            double s = Double.parseDouble(value.strip());
            return s >= 0 && Double.isFinite(s) ? Optional.of(Duration.ofNanos((long) (s * 1e9))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A header's first value as a non-negative whole number; empty when absent or not one. */
    static Optional<Long> count(HttpHeaders headers, String name) {
        try {
            Optional<Long> n = headers.firstValue(name).map(v -> Long.parseLong(v.strip()));
            return n.filter(v -> v >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
