package dev.terrace.client;

import dev.terrace.api.ItemCollection;
import dev.terrace.api.StacItem;
import java.util.List;
import java.util.OptionalInt;

/** What the blocking and the async page of a {@code catalog.search} show of the page they hold. */
abstract class SearchView {

  final ItemCollection page;

  SearchView(ItemCollection page) {
    this.page = page;
  }

  /**
   * The page as the service sent it.
   *
   * @return the page, with its links and counts
   */
  public ItemCollection collection() {
    return page;
  }

  /**
   * This page's items.
   *
   * @return the items
   */
  public List<StacItem> items() {
    return page.features();
  }

  /**
   * How many items match the search in all.
   *
   * @return the count, if the service said
   */
  public OptionalInt numberMatched() {
    return page.numberMatched() == null
        ? OptionalInt.empty()
        : OptionalInt.of(page.numberMatched());
  }

  /**
   * Whether a page follows this one.
   *
   * @return whether the page has a next link
   */
  public boolean hasNextPage() {
    return page.hasNextPage();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "[returned="
        + page.numberReturned()
        + ", matched="
        + page.numberMatched()
        + "]";
  }
}
