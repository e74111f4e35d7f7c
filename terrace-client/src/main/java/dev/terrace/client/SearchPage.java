package dev.terrace.client;

import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.StacItem;
import dev.terrace.api.TerraceException;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A page of a {@code catalog.search} that fetches the next ones by their token: {@code
 * client.catalog().search(request).autoPager().stream()} walks every item the search matches.
 */
public final class SearchPage extends SearchView implements Pageable<StacItem> {

  private final ItemSearchRequest request;
  private final Function<ItemSearchRequest, ItemCollection> fetch;

  SearchPage(
      ItemCollection page,
      ItemSearchRequest request,
      Function<ItemSearchRequest, ItemCollection> fetch) {
    super(page);
    this.request = request;
    this.fetch = fetch;
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
}
