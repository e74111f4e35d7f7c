package dev.terrace.engine.internal.geotiff;

/**
 * Decodes the blocks (tiles or strips) of one TIFF compression scheme. Implementations are shared
 * by every reader thread, so they are stateless or keep per-thread state, and they treat the input
 * as hostile: the output allocation is bounded by {@code expectedLength} (plus a small constant),
 * never by anything the data declares; every input terminates; and corrupt data surfaces only as
 * {@link DecodeException}.
 */
interface Decompressor {

  /**
   * Decodes one tile or strip. {@code src[srcOff, srcOff+srcLen)} is the compressed block; returns
   * a new byte[] of exactly {@code expectedLength} bytes.
   *
   * <p>Throws DecodeException if the data is corrupt or decodes to FEWER than expectedLength bytes
   * (libtiff treats short blocks as errors). Extra decoded bytes beyond expectedLength are ignored
   * (some writers pad).
   *
   * <p>The range must lie within {@code src} and {@code expectedLength} must not be negative: those
   * come from the reader, not from the data, so violating them is a bug and fails with an unchecked
   * exception.
   *
   * @param src the buffer holding the compressed block
   * @param srcOff where the block starts in {@code src}
   * @param srcLen the block's length in bytes
   * @param expectedLength the decoded size of the block that the image layout implies
   * @return the decoded block, exactly {@code expectedLength} bytes
   * @throws DecodeException if the block is corrupt or decodes to fewer than {@code expectedLength}
   *     bytes
   */
  byte[] decode(byte[] src, int srcOff, int srcLen, int expectedLength) throws DecodeException;

  /**
   * Decodes one block into {@code dst[0, expectedLength)}, as {@link #decode} does but into the
   * caller's (reused) array. Schemes that cannot decode in place copy from {@link #decode}.
   *
   * @param dst receives the decoded block; at least {@code expectedLength} long; on failure its
   *     contents are undefined
   * @throws DecodeException as {@link #decode}
   */
  default void decodeInto(byte[] src, int srcOff, int srcLen, byte[] dst, int expectedLength)
      throws DecodeException {
    System.arraycopy(decode(src, srcOff, srcLen, expectedLength), 0, dst, 0, expectedLength);
  }
}
