package dev.terrace.client;

import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.StacItem;
import dev.terrace.api.TerraceException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A page of a {@code catalog.search} that fetches the next ones by their token: {@code
 * client.catalog().search(request).autoPager().stream()} walks every item the search matches.
 */
public final class SearchPage implements Pageable<StacItem> {

  private final ItemCollection page;
  private final ItemSearchRequest request;
  private final Function<ItemSearchRequest, ItemCollection> fetch;

  SearchPage(
      ItemCollection page,
      ItemSearchRequest request,
      Function<ItemSearchRequest, ItemCollection> fetch) {
    this.page = page;
    this.request = request;
    this.fetch = fetch;
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
   * @return the next page
   * @throws NoSuchElementException on the last page
   * @throws TerraceException if the call fails
   */
  @Override
  public SearchPage nextPage() {
    ItemSearchRequest next =
        request.withToken(
            page.nextToken().orElseThrow(() -> new NoSuchElementException("the last page")));
    return new SearchPage(fetch.apply(next), next, fetch);
  }

  /**
   * The items of this page and every page after it, fetched as the iteration reaches them.
   *
   * @return the items of this page and every page after it, fetched as the iteration reaches them
   */
  public AutoPager<StacItem> autoPager() {
    return new AutoPager<>(this);
  }

  @Override
  public String toString() {
    return "SearchPage[returned="
        + page.numberReturned()
        + ", matched="
        + page.numberMatched()
        + "]";
  }
}
