package dev.terrace.engine.internal.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Random access to the bytes of one file, local or remote. Implementations are thread-safe: the
 * reader decodes tiles from several threads at once.
 *
 * <p>Errors: a failure to fetch bytes is a {@link
 * dev.terrace.engine.internal.raster.RasterIoException}; so is a read past {@link #length()}, which
 * callers avoid by checking their offsets against it first.
 */
public interface ByteSource extends AutoCloseable {

  /**
   * @return the path or URL, for messages
   */
  String name();

  /**
   * Identifies this content version, for cache keys: two sources with the same identity hold the
   * same bytes.
   *
   * @return for example the path with its size and modification time, or the URL with its ETag
   */
  String identity();

  /**
   * @return the size of the file in bytes
   */
  long length();

  /**
   * Reads exactly {@code length} bytes.
   *
   * @param offset first byte
   * @param length number of bytes, at most {@code length() - offset}
   * @return a new array of {@code length} bytes
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the bytes cannot be fetched
   */
  byte[] read(long offset, int length);

  /**
   * Reads several ranges. Remote sources merge ranges that lie close together into one request and
   * fetch the rest concurrently; the default reads them one by one.
   *
   * @param ranges the ranges, in any order
   * @return one array per range, in the order given
   * @throws dev.terrace.engine.internal.raster.RasterIoException if any range cannot be fetched
   */
  default List<byte[]> readAll(List<ByteRange> ranges) {
    List<byte[]> out = new ArrayList<>(ranges.size());
    for (ByteRange r : ranges) {
      out.add(read(r.offset(), r.length()));
    }
    return out;
  }

  /** Releases the file handle or connection pool; reads after close fail. */
  @Override
  void close();
}
