package dev.terrace.client;

import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.StacItem;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A page of a {@code catalog.search} that fetches the next ones by their token without blocking:
 * {@code catalog().search(request).thenCompose(p -> p.autoPager().toList())}.
 */
public final class SearchPageAsync implements PageableAsync<StacItem> {

  private final ItemCollection page;
  private final ItemSearchRequest request;
  private final Function<ItemSearchRequest, CompletableFuture<ItemCollection>> fetch;
  private final Executor executor;

  private SearchPageAsync(
      ItemCollection page,
      ItemSearchRequest request,
      Function<ItemSearchRequest, CompletableFuture<ItemCollection>> fetch,
      Executor executor) {
    this.page = page;
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
   * The page as the service sent it, with its links and counts.
   *
   * @return the page as the service sent it, with its links and counts
   */
  public ItemCollection collection() {
    return page;
  }

  /**
   * This page's items.
   *
   * @return this page's items
   */
  @Override
  public List<StacItem> items() {
    return page.features();
  }

  /**
   * How many items match the search in all, if the service said.
   *
   * @return how many items match the search in all, if the service said
   */
  public OptionalInt numberMatched() {
    return page.numberMatched() == null
        ? OptionalInt.empty()
        : OptionalInt.of(page.numberMatched());
  }

  /**
   * Whether a page follows this one.
   *
   * @return whether a page follows this one
   */
  @Override
  public boolean hasNextPage() {
    return page.hasNextPage();
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

  @Override
  public String toString() {
    return "SearchPageAsync[returned="
        + page.numberReturned()
        + ", matched="
        + page.numberMatched()
        + "]";
  }
}
