package dev.terrace.engine.internal.geotiff;

/**
 * A decompressor that writes into the caller's array; {@link #decode} allocates one and delegates,
 * so such a codec implements only {@link #decodeInto}.
 */
interface InPlaceDecompressor extends Decompressor {

  @Override
  default byte[] decode(byte[] src, int srcOff, int srcLen, int expectedLength)
      throws DecodeException {
    byte[] out = new byte[expectedLength];
    decodeInto(src, srcOff, srcLen, out, expectedLength);
    return out;
  }

  @Override
  void decodeInto(byte[] src, int srcOff, int srcLen, byte[] dst, int expectedLength)
      throws DecodeException;
}
