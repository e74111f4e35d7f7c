package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One page of a listing paged by {@code limit} and {@code offset}.
 *
 * @param <T> the item type
 */
public interface Page<T> {

  /**
   * The number of items across all pages.
   *
   * @return the total, at least {@link #offset()} + {@link #count()} for a consistent listing
   */
  int total();

  /**
   * The page size asked for.
   *
   * @return the request's {@code limit}
   */
  int limit();

  /**
   * The position of this page's first item in the whole listing.
   *
   * @return the request's {@code offset}
   */
  int offset();

  /**
   * The number of items on this page.
   *
   * @return {@code items().size()} for a consistent page
   */
  int count();

  /**
   * The items on this page.
   *
   * @return the items, in listing order
   */
  @JsonIgnore
  List<T> items();

  /**
   * Whether items follow this page.
   *
   * @return {@code offset() + count() < total()}; false for an empty page, so that paging always
   *     stops
   */
  @JsonIgnore
  default boolean hasNextPage() {
    return count() > 0 && (long) offset() + count() < total();
  }

  /**
   * The {@code offset} that asks for the next page.
   *
   * @return {@code offset() + count()}
   */
  @JsonIgnore
  default int nextOffset() {
    return offset() + count();
  }
}
