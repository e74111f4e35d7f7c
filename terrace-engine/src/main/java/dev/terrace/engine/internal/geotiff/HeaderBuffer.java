package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.io.ByteSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The front of the file, fetched once and grown on demand, through which all IFD parsing goes. A
 * COG keeps every IFD and tag array before the first tile, so one prefetch usually serves the whole
 * header; when the IFDs are larger the buffer doubles (one more read) rather than costing a request
 * per tag. Data far beyond the buffer (IFDs at the end of a classic TIFF) is read on its own so the
 * buffer never balloons.
 *
 * <p>It lives as long as the image: the overviews' block arrays are decoded through it on first
 * use.
 */
final class HeaderBuffer {

  static final int INITIAL_BYTES = 16384;

  private final ByteSource source;
  private final long length;
  private byte[] bytes;
  private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

  HeaderBuffer(ByteSource source) {
    this.source = source;
    this.length = source.length();
    this.bytes = source.read(0, (int) Math.min(INITIAL_BYTES, length));
  }

  void order(ByteOrder order) {
    this.order = order;
  }

  long fileLength() {
    return length;
  }

  /**
   * @param offset first byte; the caller has checked that {@code offset + count <= fileLength()}
   * @param count number of bytes
   * @return a buffer positioned at the bytes, in the file's byte order
   */
  synchronized ByteBuffer slice(long offset, int count) {
    long end = offset + count;
    if (end > bytes.length && end <= 2L * bytes.length) {
      grow(Math.max(end, Math.min(2L * bytes.length, length)));
    }
    if (end <= bytes.length) {
      return ByteBuffer.wrap(bytes, (int) offset, count).slice().order(order);
    }
    return ByteBuffer.wrap(source.read(offset, count)).order(order);
  }

  private void grow(long newLength) {
    byte[] more = source.read(bytes.length, (int) (newLength - bytes.length));
    byte[] grown = new byte[(int) newLength];
    System.arraycopy(bytes, 0, grown, 0, bytes.length);
    System.arraycopy(more, 0, grown, bytes.length, more.length);
    bytes = grown;
  }
}
