package dev.terrace.engine.internal.geotiff;

/**
 * LERC's Huffman coding of 8-bit data (liblerc's {@code Huffman}), used for lossless Byte and Char
 * blobs.
 *
 * <p>The code table: four ints (table version ≥ 2, table size, first and end index, where the range
 * may wrap around the table's end), the code lengths of that range as a {@linkplain LercBitStuffer
 * bit-stuffed array}, then the codes of the entries with a non-zero length, packed most significant
 * bit first in little-endian 32-bit words. The data that follows is packed the same way. Symbol
 * {@code k} stands for the value {@code k - offset} (offset 128 for Char).
 *
 * <p>Decoding goes through a table indexed by the next {@link #LUT_BITS} bits for the common short
 * codes and falls back to matching longer codes length by length.
 */
final class LercHuffman {

  private static final int LUT_BITS = 12;
  private static final int MAX_TABLE = 1 << 15;

  private final int lutBits;

  /** Per LUT index: symbol << 8 | code length, or -1. */
  private final int[] lut;

  private final int maxLength;
  private final int[] lengths;
  private final int[] codes;

  private LercHuffman(int[] lengths, int[] codes, int maxLength) throws DecodeException {
    this.lengths = lengths;
    this.codes = codes;
    this.maxLength = maxLength;
    this.lutBits = Math.min(maxLength, LUT_BITS);
    this.lut = new int[1 << lutBits];
    java.util.Arrays.fill(lut, -1);
    for (int k = 0; k < lengths.length; k++) {
      int len = lengths[k];
      if (len == 0 || len > lutBits) {
        continue;
      }
      int first = codes[k] << (lutBits - len);
      int n = 1 << (lutBits - len);
      if (first + n > lut.length) {
        throw new DecodeException("Huffman code " + k + " does not fit its length");
      }
      for (int j = 0; j < n; j++) {
        lut[first + j] = k << 8 | len;
      }
    }
  }

  /** Reads a code table at {@code c}'s position. */
  static LercHuffman read(LercCursor c, int version) throws DecodeException {
    int tableVersion = c.i32("Huffman table");
    int size = c.i32("Huffman table");
    int i0 = c.i32("Huffman table");
    int i1 = c.i32("Huffman table");
    if (tableVersion < 2
        || size <= 0
        || size > MAX_TABLE
        || i0 < 0
        || i0 >= i1
        || wrap(i0, size) >= size
        || wrap(i1 - 1, size) >= size
        || i1 - i0 > size) {
      throw new DecodeException(
          "Huffman table header is invalid (version "
              + tableVersion
              + ", size "
              + size
              + ", range "
              + i0
              + " to "
              + i1
              + ")");
    }
    int[] rangeLengths = new int[i1 - i0];
    if (LercBitStuffer.decode(c, rangeLengths, rangeLengths.length, version)
        != rangeLengths.length) {
      throw new DecodeException("Huffman table has the wrong number of code lengths");
    }
    int[] lengths = new int[size];
    int maxLength = 0;
    for (int i = i0; i < i1; i++) {
      int len = rangeLengths[i - i0];
      if (len > 32) {
        throw new DecodeException("Huffman code length " + len + " is over 32");
      }
      lengths[wrap(i, size)] = len;
      maxLength = Math.max(maxLength, len);
    }
    if (maxLength == 0) {
      throw new DecodeException("Huffman table has no codes");
    }
    int[] codes = new int[size];
    MsbReader bits = new MsbReader(c);
    for (int i = i0; i < i1; i++) {
      int k = wrap(i, size);
      if (lengths[k] > 0) {
        codes[k] = (int) bits.take(lengths[k]);
      }
    }
    bits.finish();
    return new LercHuffman(lengths, codes, maxLength);
  }

  private static int wrap(int i, int size) {
    return i < size ? i : i - size;
  }

  /** Decodes the next symbol (a table index). */
  int next(MsbReader in) throws DecodeException {
    int e = lut[(int) in.peek(lutBits)];
    if (e >= 0) {
      in.skip(e & 0xFF);
      return e >>> 8;
    }
    long window = in.peek(maxLength);
    for (int len = lutBits + 1; len <= maxLength; len++) {
      int code = (int) (window >>> (maxLength - len));
      for (int k = 0; k < lengths.length; k++) {
        if (lengths[k] == len && codes[k] == code) {
          in.skip(len);
          return k;
        }
      }
    }
    throw new DecodeException("Huffman data holds a code that is not in its table");
  }

  /**
   * Reads bits most significant first from little-endian 32-bit words, as LERC packs Huffman codes.
   * Reads past the data see zeros; {@link #finish} then fails, and stops the blob from claiming
   * bytes it does not have.
   */
  static final class MsbReader {
    private final LercCursor c;
    private final int start;
    private final long endBit;

    /**
     * The data as 32-bit words, two zero words past the end so that peeking never needs a bounds
     * test.
     */
    private final int[] words;

    private long bitPos;

    MsbReader(LercCursor c) {
      this.c = c;
      this.start = c.position();
      int bytes = c.remaining();
      this.endBit = 8L * bytes;
      this.words = new int[(bytes + 3) / 4 + 2];
      int full = bytes / 4;
      for (int w = 0; w < full; w++) {
        words[w] = LercCursor.intAt(c.data, start + 4 * w);
      }
      for (int b = 4 * full; b < bytes; b++) {
        words[full] |= (c.data[start + b] & 0xFF) << (8 * (b - 4 * full));
      }
    }

    /**
     * @return the next {@code n} bits (1 to 32) without consuming them
     */
    long peek(int n) {
      int w = (int) (bitPos >>> 5);
      long two = (long) words[w] << 32 | (words[w + 1] & 0xFFFFFFFFL);
      return (two << (bitPos & 31)) >>> (64 - n);
    }

    void skip(int n) throws DecodeException {
      bitPos += n;
      if (bitPos > endBit) {
        throw new DecodeException("LERC blob ends inside its Huffman-coded data");
      }
    }

    long take(int n) throws DecodeException {
      long v = peek(n);
      skip(n);
      return v;
    }

    /** Moves the cursor past the words begun, as LERC's code table reader does. */
    void finish() throws DecodeException {
      long words = (bitPos + 31) >>> 5;
      if (words * 4 > c.remaining()) {
        throw new DecodeException("LERC blob ends inside its Huffman code table");
      }
      c.skip((int) (words * 4), "Huffman code table");
    }
  }
}
