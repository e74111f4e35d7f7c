package dev.terrace.engine.internal.geotiff;

import java.util.Arrays;
import java.util.Objects;

/**
 * Compression 1. It still copies, because callers own and mutate the result (predictors work in
 * place), and it still checks the length, because a short uncompressed strip is as corrupt as a
 * short compressed one.
 */
final class NoCompression implements Decompressor {

  @Override
  public byte[] decode(byte[] src, int srcOff, int srcLen, int expectedLength)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    if (srcLen < expectedLength) {
      throw new DecodeException(
          "uncompressed block has " + srcLen + " bytes, expected " + expectedLength);
    }
    return Arrays.copyOfRange(src, srcOff, srcOff + expectedLength);
  }
}
