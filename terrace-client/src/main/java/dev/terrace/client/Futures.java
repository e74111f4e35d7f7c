package dev.terrace.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/** Small bridges between futures and the blocking client. */
final class Futures {

  private Futures() {}

  /**
   * The future's value on the calling thread, its failure rethrown as is; an interrupt cancels the
   * future and surfaces as an {@link ApiConnectionException}.
   */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("Interrupted while waiting for the service", 0, e);
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * A future of the client's ({@link ClientFuture}) completed as {@code source} is, but with its
   * failure unwrapped from the {@link CompletionException} that derived stages add; cancelling it
   * cancels {@code source}.
   */
  static <T> CompletableFuture<T> relay(CompletableFuture<T> source, Executor executor) {
    ClientFuture<T> out = new ClientFuture<>(executor);
    source.whenComplete(
        (v, e) -> {
          if (e == null) {
            out.complete(v);
          } else {
            out.completeExceptionally(unwrap(e));
          }
        });
    out.whenComplete(
        (v, e) -> {
          if (out.isCancelled()) {
            source.cancel(true);
          }
        });
    return out;
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
