package dev.terrace.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** How the client waits between attempts; tests substitute one that records the waits instead. */
interface Sleeper {

    /** Blocks the calling thread for the wait. */
    void sleep(Duration wait) throws InterruptedException;

    /** A future completed on {@code executor} after the wait; cancelling it cancels the wait. */
    CompletableFuture<Void> delay(Duration wait, Executor executor);

    /** Real time. */
    Sleeper SYSTEM = new Sleeper() {
        @Override
        public void sleep(Duration wait) throws InterruptedException {
            Thread.sleep(wait.toMillis());
        }

        @Override
        public CompletableFuture<Void> delay(Duration wait, Executor executor) {
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS, executor));
        }
    };
}
