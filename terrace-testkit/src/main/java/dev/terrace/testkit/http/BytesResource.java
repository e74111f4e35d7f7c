package dev.terrace.testkit.http;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Content held in memory. */
final class BytesResource extends Resource {
  private final byte[] content;

  BytesResource(byte[] content) {
    this.content = content;
    this.lastModified = Instant.now();
  }

  @Override
  long length() {
    return content.length;
  }

  @Override
  void write(OutputStream out, long from, long count, AtomicLong sent) throws IOException {
    long pos = from;
    long end = from + count;
    while (pos < end) {
      int n = (int) Math.min(CHUNK, end - pos);
      // Counted before writing: a client may finish reading, and a test check the count, before
      // write returns.
      sent.addAndGet(n);
      out.write(content, (int) pos, n);
      pos += n;
    }
  }
}
