package dev.terrace.client;

import java.util.List;

/**
 * What {@link AutoPager} walks: a page that knows whether one follows it and fetches it, whether
 * pages are found by offset ({@link CatalogPage}) or by token ({@link SearchPage}).
 *
 * @param <T> the item type
 */
interface Pageable<T> {

  List<T> items();

  boolean hasNextPage();

  Pageable<T> nextPage();
}
