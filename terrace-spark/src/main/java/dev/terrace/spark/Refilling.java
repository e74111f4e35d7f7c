package dev.terrace.spark;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over rows made some at a time from a partition's input: {@link #refill} adds the next
 * few to {@link #ready} whenever it runs dry, so that memory holds one batch, not the partition.
 */
abstract class Refilling<T> implements Iterator<T> {

  /** What is made and not yet taken. */
  final ArrayDeque<T> ready = new ArrayDeque<>();

  /**
   * @return whether the input has more to make rows of
   */
  abstract boolean more();

  /** Makes the next rows of the input into {@link #ready}; called only while {@link #more}. */
  abstract void refill();

  @Override
  public final boolean hasNext() {
    while (ready.isEmpty() && more()) {
      refill();
    }
    return !ready.isEmpty();
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }
}
