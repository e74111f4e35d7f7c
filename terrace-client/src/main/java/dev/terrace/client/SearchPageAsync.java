package dev.terrace.client;

import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.StacItem;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A page of a {@code catalog.search} that fetches the next ones by their token without blocking:
 * {@code catalog().search(request).thenCompose(p -> p.autoPager().toList())}.
 */
public final class SearchPageAsync extends SearchView implements PageableAsync<StacItem> {

  private final ItemSearchRequest request;
  private final Function<ItemSearchRequest, CompletableFuture<ItemCollection>> fetch;
  private final Executor executor;

  private SearchPageAsync(
      ItemCollection page,
      ItemSearchRequest request,
      Function<ItemSearchRequest, CompletableFuture<ItemCollection>> fetch,
      Executor executor) {
    super(page);
    this.request = request;
    this.fetch = fetch;
    this.executor = executor;
  }

  static CompletableFuture<SearchPageAsync> fetch(
      ItemSearchRequest request,
      Function<ItemSearchRequest, CompletableFuture<ItemCollection>> fetch,
      Executor executor) {
    return Futures.relay(
        fetch.apply(request).thenApply(p -> new SearchPageAsync(p, request, fetch, executor)),
        executor);
  }

  /**
   * Fetches the page after this one.
   *
   * @return a future of the next page; failed with {@link NoSuchElementException} on the last page
   */
  @Override
  public CompletableFuture<SearchPageAsync> nextPage() {
    return page.nextToken()
        .map(token -> fetch(request.withToken(token), fetch, executor))
        .orElseGet(
            () -> CompletableFuture.failedFuture(new NoSuchElementException("the last page")));
  }

  /**
   * The client's executor, where the futures of later pages complete.
   *
   * @return the client's executor, where the futures of later pages complete
   */
  @Override
  public Executor executor() {
    return executor;
  }

  /**
   * The items of this page and every page after it, fetched as the walk reaches them.
   *
   * @return the items of this page and every page after it, fetched as the walk reaches them
   */
  public AutoPagerAsync<StacItem> autoPager() {
    return new AutoPagerAsync<>(this);
  }
}
