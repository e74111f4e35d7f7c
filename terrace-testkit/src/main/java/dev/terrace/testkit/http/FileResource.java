package dev.terrace.testkit.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file served with positional reads, so that files of many gigabytes work without being loaded.
 */
final class FileResource extends Resource {
  private final FileChannel channel;
  private final long length;

  FileResource(FileChannel channel, Instant modified) throws IOException {
    this.channel = channel;
    this.length = channel.size();
    this.lastModified = modified;
  }

  @Override
  long length() {
    return length;
  }

  @Override
  void write(OutputStream out, long from, long count, AtomicLong sent) throws IOException {
    // Positional reads: concurrent responses share the channel without sharing a position.
    ByteBuffer buf = ByteBuffer.allocate(CHUNK);
    long pos = from;
    long end = from + count;
    while (pos < end) {
      buf.clear().limit((int) Math.min(CHUNK, end - pos));
      int n = channel.read(buf, pos);
      if (n < 0) {
        throw new IOException("file shrank while serving at " + pos);
      }
      sent.addAndGet(n);
      out.write(buf.array(), 0, n);
      pos += n;
    }
  }

  @Override
  void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing useful to do in a test server.
    }
  }
}
