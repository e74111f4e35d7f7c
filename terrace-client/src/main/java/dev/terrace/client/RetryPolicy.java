package dev.terrace.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: after a connection failure or timeout, and after 408, 429, 502, 503 and 504; waiting what
 * {@code Retry-After} asks (if no longer than the cap), else backing off exponentially with jitter; never past
 * the call's retries or its deadline.
 */
final class RetryPolicy {

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;

    RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * The wait before the next attempt, or empty to stop and report this outcome.
     *
     * @param attempts the attempts made so far, this one included
     */
    Optional<Duration> nextDelay(int attempts, Outcome outcome, Call<?> call) {
        if (attempts > call.maxRetries) {
            return Optional.empty();
        }
        Duration wait;
        if (outcome.failure() != null) {
            if (!(outcome.failure() instanceof IOException)) {
                return Optional.empty();
            }
            wait = backoff(attempts);
        } else {
            if (!retryable(outcome.response().statusCode())) {
                return Optional.empty();
            }
            Optional<Duration> asked = Headers.retryAfter(outcome.response().headers());
            if (asked.isPresent() && asked.get().compareTo(maxRetryAfter) > 0) {
                return Optional.empty();
            }
            wait = asked.orElseGet(() -> backoff(attempts));
        }
        return call.remaining().compareTo(wait) > 0 ? Optional.of(wait) : Optional.empty();
    }

    static boolean retryable(int status) {
        return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** 0.5 s, 1 s, 2 s, … up to the cap, each shortened by up to a quarter at random so that clients spread. */
    Duration backoff(int attempts) {
        long cap = maxBackoff.toNanos();
        long nanos = initialBackoff.toNanos();
        for (int i = 1; i < attempts && nanos < cap; i++) {
            nanos *= 2;
        }
        nanos = Math.min(nanos, cap);
        double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (nanos * jitter));
    }
}
