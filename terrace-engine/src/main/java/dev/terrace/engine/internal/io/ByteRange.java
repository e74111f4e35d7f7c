package dev.terrace.engine.internal.io;

/**
 * A half-open run of bytes {@code [offset, offset + length)} in a {@link ByteSource}.
 *
 * @param offset first byte, zero-based
 * @param length number of bytes
 */
public record ByteRange(long offset, int length) {

  /**
   * @throws IllegalArgumentException if {@code offset} or {@code length} is negative
   */
  public ByteRange {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "offset and length must not be negative: " + offset + ", " + length);
    }
  }

  /**
   * @return the offset one past the last byte
   */
  public long end() {
    return offset + length;
  }
}
