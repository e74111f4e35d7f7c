package dev.terrace.client;

import dev.terrace.api.Page;
import dev.terrace.api.TerraceException;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * A page of a listing that can fetch the pages after it, from the catalog namespace ({@code
 * client.catalog().datasets().list(...)}) or the webhooks namespace ({@code
 * client.webhooks().list()}).
 *
 * <pre>{@code
 * CatalogPage<Dataset> page = client.catalog().datasets().list();
 * while (true) {
 *     page.items().forEach(d -> System.out.println(d.id()));
 *     if (!page.hasNextPage()) break;
 *     page = page.nextPage();
 * }
 * // or, fetching pages as the iteration reaches them:
 * client.catalog().datasets().list().autoPager().stream().map(Dataset::id).forEach(System.out::println);
 * }</pre>
 *
 * @param <T> the item type
 */
public final class CatalogPage<T> extends PageView<T> implements Pageable<T> {

  private final IntFunction<? extends Page<T>> fetch;

  CatalogPage(Page<T> page, IntFunction<? extends Page<T>> fetch) {
    super(page);
    this.fetch = fetch;
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
   * @return the next page
   * @throws NoSuchElementException if {@link #hasNextPage()} is false
   * @throws TerraceException if the call fails
   */
  @Override
  public CatalogPage<T> nextPage() {
    if (!hasNextPage()) {
      throw new NoSuchElementException(noNextPage());
    }
    return new CatalogPage<>(fetch.apply(nextOffset()), fetch);
  }

  /**
   * The items of this page and every page after it, fetched as the iteration reaches them.
   *
   * @return the pager
   */
  public AutoPager<T> autoPager() {
    return new AutoPager<>(this);
  }
}
