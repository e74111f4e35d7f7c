package dev.terrace.client;

import dev.terrace.api.Page;
import java.util.List;

/**
 * A page as the service sent it, seen through one of the client's pages ({@link CatalogPage},
 * {@link CatalogPageAsync}), which add the fetching of the pages after it.
 *
 * @param <T> the item type
 */
abstract class PageView<T> implements Page<T> {

  private final Page<T> page;

  PageView(Page<T> page) {
    this.page = page;
  }

  /**
   * The page as the service sent it.
   *
   * @return for example a {@link dev.terrace.api.DatasetPage}
   */
  public Page<T> page() {
    return page;
  }

  @Override
  public int total() {
    return page.total();
  }

  @Override
  public int limit() {
    return page.limit();
  }

  @Override
  public int offset() {
    return page.offset();
  }

  @Override
  public int count() {
    return page.count();
  }

  @Override
  public List<T> items() {
    return page.items();
  }

  /** The message of a {@code nextPage()} past the last page. */
  String noNextPage() {
    return "No page after offset " + offset() + " (total " + total() + ")";
  }

  /**
   * The position and size of the page.
   *
   * @return for example {@code CatalogPage[offset=0, count=100, total=250]}
   */
  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "[offset="
        + offset()
        + ", count="
        + count()
        + ", total="
        + total()
        + "]";
  }
}
