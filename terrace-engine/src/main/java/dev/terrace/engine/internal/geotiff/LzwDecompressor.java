package dev.terrace.engine.internal.geotiff;

import java.util.Objects;

/**
 * Compression 5, TIFF's LZW, decoded the way libtiff decodes it: codes of 9 to 12 bits packed most
 * significant bit first, ClearCode 256 and EndOfInformation 257, and the code width widening one
 * entry before the table outgrows it ("early change"), as TIFF 6.0 specifies and libtiff writes.
 * Blocks from pre-6.0 writers use an older flavour (codes packed least significant bit first,
 * widening one entry later); libtiff tells them apart by their first two bytes and so does this
 * class, since reading either flavour as the other yields garbage.
 *
 * <p>Strings live in a flat prefix/suffix table and are written backwards straight into the result,
 * so decoding allocates nothing per code. It is more lenient than libtiff in two ways that cost
 * nothing: a block that does not start with ClearCode (libtiff rejects it) starts as if one had
 * been read, and a table that fills up without a ClearCode (libtiff allows 1,024 unreachable extra
 * entries, then fails) simply stops growing until the next ClearCode.
 */
final class LzwDecompressor implements Decompressor {

  private static final int CLEAR = 256;
  private static final int EOI = 257;
  private static final int FIRST_FREE = 258;
  private static final int MIN_WIDTH = 9;
  private static final int MAX_WIDTH = 12;
  private static final int TABLE_SIZE = 1 << MAX_WIDTH;

  /**
   * The table is about 24 KB, so each thread keeps its own rather than allocating one per block.
   */
  private static final ThreadLocal<Table> TABLES = ThreadLocal.withInitial(Table::new);

  @Override
  public byte[] decode(byte[] src, int srcOff, int srcLen, int expectedLength)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    boolean compat = srcLen >= 2 && src[srcOff] == 0 && (src[srcOff + 1] & 1) != 0;
    byte[] out = new byte[expectedLength];
    int filled = decodeInto(src, srcOff, srcOff + srcLen, out, compat, TABLES.get());
    if (filled < expectedLength) {
      throw new DecodeException(
          "LZW data ends after " + filled + " of " + expectedLength + " bytes");
    }
    return out;
  }

  /**
   * Decodes until {@code out} is full, EndOfInformation, or the input runs out (which libtiff also
   * accepts as the end), and returns how many bytes it wrote. Every iteration consumes at least
   * nine bits, so any input terminates.
   */
  private static int decodeInto(
      byte[] src, int pos, int end, byte[] out, boolean compat, Table table)
      throws DecodeException {
    short[] prefix = table.prefix;
    byte[] suffix = table.suffix;
    byte[] first = table.first;
    short[] length = table.length;
    int earlyChange = compat ? 0 : 1;
    long bits = 0;
    int bitCount = 0;
    int width = MIN_WIDTH;
    int next = FIRST_FREE;
    int previous = -1;
    int filled = 0;
    while (filled < out.length) {
      if (bitCount < width) {
        while (bitCount <= Long.SIZE - Byte.SIZE && pos < end) {
          int b = src[pos++] & 0xFF;
          bits = compat ? bits | (long) b << bitCount : bits << Byte.SIZE | b;
          bitCount += Byte.SIZE;
        }
        if (bitCount < width) {
          break;
        }
      }
      int mask = (1 << width) - 1;
      int code;
      if (compat) {
        code = (int) bits & mask;
        bits >>>= width;
      } else {
        code = (int) (bits >>> (bitCount - width)) & mask;
      }
      bitCount -= width;

      if (code == EOI) {
        break;
      }
      if (code == CLEAR) {
        width = MIN_WIDTH;
        next = FIRST_FREE;
        previous = -1;
        continue;
      }
      if (previous < 0) {
        if (code > 0xFF) {
          throw new DecodeException(
              "LZW code " + code + " follows a ClearCode, where only a literal can");
        }
        out[filled++] = (byte) code;
        previous = code;
        continue;
      }
      if (code > next) {
        throw new DecodeException(
            "LZW code " + code + " is not in the table, whose next entry is " + next);
      }
      if (next < TABLE_SIZE) {
        prefix[next] = (short) previous;
        suffix[next] = first[code == next ? previous : code];
        first[next] = first[previous];
        length[next] = (short) (length[previous] + 1);
        next++;
        if (next >= (1 << width) - earlyChange && width < MAX_WIDTH) {
          width++;
        }
      }
      filled = copyString(code, out, filled, table);
      previous = code;
    }
    return filled;
  }

  /**
   * Writes the string of {@code code} at {@code filled}, last byte first as the table links run
   * backwards, dropping the bytes that would pass the end of the block; returns the new fill level.
   */
  private static int copyString(int code, byte[] out, int filled, Table table) {
    short[] prefix = table.prefix;
    byte[] suffix = table.suffix;
    int c = code;
    int len = table.length[code];
    int room = out.length - filled;
    for (; len > room; len--) {
      c = prefix[c];
    }
    for (int i = filled + len - 1; i >= filled; i--) {
      out[i] = suffix[c];
      c = prefix[c];
    }
    return filled + len;
  }

  /**
   * The string table: entry {@code c} is the string of {@code prefix[c]} followed by {@code
   * suffix[c]}. The 256 literal entries never change; the others are overwritten as a block defines
   * them, and a code is only ever looked up after its entry was written in the current block, so
   * nothing needs clearing between blocks.
   */
  private static final class Table {
    final short[] prefix = new short[TABLE_SIZE];
    final byte[] suffix = new byte[TABLE_SIZE];
    final byte[] first = new byte[TABLE_SIZE];
    final short[] length = new short[TABLE_SIZE];

    Table() {
      for (int c = 0; c <= 0xFF; c++) {
        suffix[c] = (byte) c;
        first[c] = (byte) c;
        length[c] = 1;
      }
    }
  }
}
