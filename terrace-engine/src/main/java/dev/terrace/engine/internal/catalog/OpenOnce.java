package dev.terrace.engine.internal.catalog;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A resource opened on first use and shared afterwards, so that a file's header is read once
 * however many requests use it. A failed open is not remembered: the next use tries again (a remote
 * server may be back).
 */
final class OpenOnce<T extends AutoCloseable> {

  private final Supplier<T> opener;
  private final AtomicReference<T> value = new AtomicReference<>();
  private volatile boolean closed;

  OpenOnce(Supplier<T> opener) {
    this.opener = opener;
  }

  T get() {
    T v = value.get();
    if (v == null) {
      synchronized (this) {
        v = value.get();
        if (v == null) {
          v = opener.get();
          value.set(v);
          // Closed while opening: nobody else will close it. The CAS makes sure only one of the two
          // does.
          if (closed && value.compareAndSet(v, null)) {
            closeQuietly(v);
          }
        }
      }
    }
    return v;
  }

  /**
   * Closes what is open. An open still under way is not waited for (a stalled source would hold the
   * caller, a command exiting or a service stopping, for as long as it stalls): it closes what it
   * opens when it is done.
   */
  void close() {
    closed = true;
    T v = value.getAndSet(null);
    if (v != null) {
      closeQuietly(v);
    }
  }

  private static void closeQuietly(AutoCloseable v) {
    try {
      v.close();
    } catch (Exception e) {
      // Closing releases a file handle or a connection; there is nothing left to do if that fails.
    }
  }
}
