package dev.terrace.testkit.http;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Served content: immutable, with its validators. */
abstract class Resource {
  /** Shared by all servers so that an ETag is never reused, even across paths. */
  private static final AtomicLong GENERATION = new AtomicLong();

  /** How much a response writes at a time. */
  static final int CHUNK = 64 * 1024;

  final String etag = "\"" + Long.toHexString(GENERATION.incrementAndGet()) + "\"";

  /** Whole seconds, as HTTP dates have. */
  Instant lastModified;

  abstract long length();

  /** Writes {@code [from, from + count)} in chunks, adding to {@code sent} as it goes. */
  abstract void write(OutputStream out, long from, long count, AtomicLong sent) throws IOException;

  void close() {}

  /** A replacement must look newer even within the same second, or Last-Modified could not tell. */
  Resource withLastModifiedAfter(Resource previous) {
    Instant t = lastModified.truncatedTo(ChronoUnit.SECONDS);
    if (previous != null && !t.isAfter(previous.lastModified)) {
      t = previous.lastModified.plusSeconds(1);
    }
    lastModified = t;
    return this;
  }
}
