package dev.terrace.engine.catalog;

import java.util.function.Supplier;

/**
 * A resource opened on first use and shared afterwards, so that a file's header is read once however many
 * requests use it. A failed open is not remembered: the next use tries again (a remote server may be back).
 */
final class OpenOnce<T extends AutoCloseable> {

  private final Supplier<T> opener;
  private volatile T value;

  OpenOnce(Supplier<T> opener) {
    this.opener = opener;
  }

  T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = opener.get();
          value = v;
        }
      }
    }
    return v;
  }

  synchronized void close() {
    if (value != null) {
      try {
        value.close();
      } catch (Exception e) {
        // Closing releases a file handle or a connection; there is nothing left to do if that fails.
      }
      value = null;
    }
  }
}
