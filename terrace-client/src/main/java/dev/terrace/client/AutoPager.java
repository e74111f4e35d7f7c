package dev.terrace.client;

import dev.terrace.api.TerraceException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a page and every page after it, as an {@link Iterable} or a {@link Stream}; each
 * page is fetched when the iteration reaches it, so stopping early fetches no more. A failed fetch
 * throws its {@link TerraceException} from {@code hasNext()}.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {

  private final Pageable<T> first;

  AutoPager(Pageable<T> first) {
    this.first = first;
  }

  /**
   * An iterator from the first page's first item; each iterator fetches the later pages anew.
   *
   * @return the iterator
   */
  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Pageable<T> page = first;
      private Iterator<T> items = first.items().iterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext()) {
          if (!page.hasNextPage()) {
            return false;
          }
          page = page.nextPage();
          items = page.items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }

  /**
   * The items as a sequential, ordered stream.
   *
   * @return the stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }
}
