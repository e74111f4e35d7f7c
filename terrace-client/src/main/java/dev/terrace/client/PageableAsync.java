package dev.terrace.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What {@link AutoPagerAsync} walks: a page that knows whether one follows it and fetches it
 * without blocking, by offset ({@link CatalogPageAsync}) or by token ({@link SearchPageAsync}).
 *
 * @param <T> the item type
 */
interface PageableAsync<T> {

  List<T> items();

  boolean hasNextPage();

  CompletableFuture<? extends PageableAsync<T>> nextPage();

  /** Where callbacks of the pages' futures run. */
  Executor executor();
}
