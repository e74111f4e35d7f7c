package dev.terrace.client;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The timeout of one asynchronous exchange, from sending the request to receiving the response headers (what
 * {@link java.net.http.HttpRequest.Builder#timeout} covers), kept on one timer thread that every client shares.
 * java.net.http wakes its selector thread for every request that carries a timeout of its own, a system call
 * and a thread switch per call; a delay queue wakes no one until a timeout falls due. When it does, the exchange
 * is cancelled and fails with {@link HttpTimeoutException}, as a request's own timeout would.
 *
 * <p>Used as the exchange's body handler, which java.net.http calls when the headers arrive: that stops the
 * clock.
 */
final class AttemptTimeout<T> implements HttpResponse.BodyHandler<T> {

    private static final ScheduledThreadPoolExecutor TIMER = timer();
    /** Marks the clock stopped: the headers came, or the exchange ended. */
    private static final Future<?> STOPPED = CompletableFuture.completedFuture(null);

    private final HttpResponse.BodyHandler<T> body;
    /** Null until the clock starts, then its scheduled expiry, then {@link #STOPPED}. */
    private final AtomicReference<Future<?>> clock = new AtomicReference<>();
    private volatile boolean expired;

    AttemptTimeout(HttpResponse.BodyHandler<T> body) {
        this.body = body;
    }

    /**
     * Starts the clock on an exchange just sent with this handler.
     *
     * @param sent the future {@link java.net.http.HttpClient#sendAsync} returned
     * @param timeout the time the headers may take
     * @return a future completed as {@code sent} is, or failed with {@link HttpTimeoutException} once the
     *     timeout has cancelled it
     */
    CompletableFuture<HttpResponse<T>> start(CompletableFuture<HttpResponse<T>> sent, Duration timeout) {
        CompletableFuture<HttpResponse<T>> out = new CompletableFuture<>();
        Future<?> expiry = TIMER.schedule(() -> {
            expired = true;
            sent.cancel(true);
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (!clock.compareAndSet(null, expiry)) {
            expiry.cancel(false);           // the headers came first
        }
        sent.whenComplete((response, error) -> {
            stop();
            if (error != null && expired) {
                out.completeExceptionally(new HttpTimeoutException("request timed out"));
            } else if (error != null) {
                out.completeExceptionally(error);
            } else {
                out.complete(response);
            }
        });
        return out;
    }

    @Override
    public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo responseInfo) {
        stop();
        return body.apply(responseInfo);
    }

    private void stop() {
        Future<?> expiry = clock.getAndSet(STOPPED);
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "terrace-client-timeouts");
            t.setDaemon(true);
            return t;
        });
        // Nearly every timeout is cancelled: drop it from the queue then rather than when it would have expired.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
