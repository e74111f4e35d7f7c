package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.io.Outcome.Fetched;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** The race between a request and its hedge: the first to bring the bytes wins. */
final class FirstFetched {

  private FirstFetched() {}

  /**
   * Settles with the first exchange that fetched the bytes. A failure does not win, since the other
   * exchange may still bring them; if neither does, the primary's outcome is the answer, as it
   * would have been without the hedge.
   *
   * @param primary the request sent first
   * @param hedge the same request, sent again
   * @return the winner's response, or once both are done the primary's response or failure
   */
  static CompletableFuture<HttpResponse<Outcome>> of(
      CompletableFuture<HttpResponse<Outcome>> primary,
      CompletableFuture<HttpResponse<Outcome>> hedge) {
    CompletableFuture<HttpResponse<Outcome>> first = new CompletableFuture<>();
    AtomicInteger unsettled = new AtomicInteger(2);
    BiConsumer<HttpResponse<Outcome>, Throwable> settle =
        (response, failure) -> {
          if (failure == null && response.body() instanceof Fetched) {
            first.complete(response);
          } else if (unsettled.decrementAndGet() == 0) {
            primary.whenComplete(
                (r, t) -> {
                  if (t == null) {
                    first.complete(r);
                  } else {
                    first.completeExceptionally(t);
                  }
                });
          }
        };
    primary.whenComplete(settle);
    hedge.whenComplete(settle);
    return first;
  }
}
