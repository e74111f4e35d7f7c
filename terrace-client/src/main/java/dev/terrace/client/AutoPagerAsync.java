package dev.terrace.client;

import dev.terrace.api.TerraceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The items of a page and every page after it, for the asynchronous client: each page is fetched
 * when the previous one has been consumed, without blocking a thread. The twin of {@link
 * AutoPager}.
 *
 * @param <T> the item type
 */
public final class AutoPagerAsync<T> {

  private final PageableAsync<T> first;

  AutoPagerAsync(PageableAsync<T> first) {
    this.first = first;
  }

  /**
   * Hands each item, in order, to {@code action} until it returns false or the items run out.
   *
   * @param action called with each item; return false to stop (no further page is fetched)
   * @return a future completed when the walk ends; failed with a fetch's {@link TerraceException}
   *     or with what {@code action} threw
   */
  public CompletableFuture<Void> forEach(Predicate<? super T> action) {
    try {
      return Futures.relay(walk(first, action), first.executor());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Every item of every page, collected.
   *
   * @return a future of the items in listing order
   */
  public CompletableFuture<List<T>> toList() {
    List<T> all = new ArrayList<>();
    return Futures.relay(forEach(all::add).thenApply(v -> all), first.executor());
  }

  private CompletableFuture<Void> walk(PageableAsync<T> page, Predicate<? super T> action) {
    for (T item : page.items()) {
      if (!action.test(item)) {
        return CompletableFuture.completedFuture(null);
      }
    }
    if (!page.hasNextPage()) {
      return CompletableFuture.completedFuture(null);
    }
    return page.nextPage().thenCompose(next -> walk(next, action));
  }
}
