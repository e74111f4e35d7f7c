package dev.terrace.client;

import dev.terrace.api.Page;
import dev.terrace.api.TerraceException;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * A page of a listing (catalog, webhooks) from the asynchronous client, that can fetch the pages
 * after it without blocking: the twin of {@link CatalogPage}.
 *
 * <pre>{@code
 * client.catalog().datasets().list()
 *         .thenCompose(page -> page.autoPager().toList())
 *         .thenAccept(all -> System.out.println(all.size() + " datasets"));
 * }</pre>
 *
 * @param <T> the item type
 */
public final class CatalogPageAsync<T> extends PageView<T> implements PageableAsync<T> {

  private final IntFunction<? extends CompletableFuture<? extends Page<T>>> fetch;
  private final Executor executor;

  private CatalogPageAsync(
      Page<T> page,
      IntFunction<? extends CompletableFuture<? extends Page<T>>> fetch,
      Executor executor) {
    super(page);
    this.fetch = fetch;
    this.executor = executor;
  }

  /**
   * The page at {@code offset}, fetched.
   *
   * @param fetch the call that fetches the page at an offset
   * @param executor the client's executor, completing the futures
   */
  static <T> CompletableFuture<CatalogPageAsync<T>> fetch(
      int offset,
      IntFunction<? extends CompletableFuture<? extends Page<T>>> fetch,
      Executor executor) {
    return Futures.relay(
        fetch.apply(offset).thenApply(p -> new CatalogPageAsync<>(p, fetch, executor)), executor);
  }

  /**
   * @return the client's executor, where the futures of later pages complete
   */
  @Override
  public Executor executor() {
    return executor;
  }

  /**
   * Whether a page follows this one.
   *
   * @return whether a page follows this one
   */
  @Override
  public boolean hasNextPage() {
    return super.hasNextPage();
  }

  /**
   * Fetches the next page, at the same size and with the same filter and call settings.
   *
   * @return a future of the next page; failed with a {@link NoSuchElementException} if {@link
   *     #hasNextPage()} is false, or with the call's {@link TerraceException}
   */
  @Override
  public CompletableFuture<CatalogPageAsync<T>> nextPage() {
    if (!hasNextPage()) {
      return CompletableFuture.failedFuture(new NoSuchElementException(noNextPage()));
    }
    return fetch(nextOffset(), fetch, executor);
  }

  /**
   * The items of this page and every page after it, fetched as they are consumed.
   *
   * @return the pager
   */
  public AutoPagerAsync<T> autoPager() {
    return new AutoPagerAsync<>(this);
  }
}
