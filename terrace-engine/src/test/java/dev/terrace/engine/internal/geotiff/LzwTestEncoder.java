package dev.terrace.engine.internal.geotiff;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A TIFF LZW encoder for tests, written to emit the same codes as libtiff's {@code LZWEncode}:
 * ClearCode first, codes packed most significant bit first, the code width widening as soon as the
 * next entry would not fit ("early change"), and a ClearCode whenever the table reaches 4094
 * entries. It leaves out only libtiff's compression-ratio check, which can emit an earlier
 * ClearCode on inputs over 10,000 bytes. {@link #encodeCompat} writes the pre-TIFF 6.0 flavour
 * instead: least significant bit first, and the width widening one entry later.
 */
final class LzwTestEncoder {

  private static final int CLEAR = 256;
  private static final int EOI = 257;
  private static final int FIRST_FREE = 258;
  private static final int MIN_WIDTH = 9;
  private static final int TABLE_FULL = 4094;

  private final boolean compat;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private long bits;
  private int bitCount;

  private LzwTestEncoder(boolean compat) {
    this.compat = compat;
  }

  static byte[] encode(byte[] data) {
    return new LzwTestEncoder(false).encodeAll(data);
  }

  static byte[] encodeCompat(byte[] data) {
    return new LzwTestEncoder(true).encodeAll(data);
  }

  private byte[] encodeAll(byte[] data) {
    if (data.length == 0) {
      emit(EOI, MIN_WIDTH);
      return flush();
    }
    emit(CLEAR, MIN_WIDTH);
    Map<Integer, Integer> table = new HashMap<>();
    int width = MIN_WIDTH;
    int next = FIRST_FREE;
    int current = data[0] & 0xFF;
    for (int i = 1; i < data.length; i++) {
      int b = data[i] & 0xFF;
      Integer extended = table.get(current << 8 | b);
      if (extended != null) {
        current = extended;
        continue;
      }
      emit(current, width);
      table.put(current << 8 | b, next++);
      current = b;
      if (next == TABLE_FULL) {
        emit(CLEAR, width);
        table.clear();
        next = FIRST_FREE;
        width = MIN_WIDTH;
      } else if (widens(next, width)) {
        width++;
      }
    }
    // The decoder adds an entry when it reads the last code, so the width can change before EOI.
    emit(current, width);
    next++;
    if (next == TABLE_FULL) {
      emit(CLEAR, width);
      width = MIN_WIDTH;
    } else if (widens(next, width)) {
      width++;
    }
    emit(EOI, width);
    return flush();
  }

  private boolean widens(int next, int width) {
    return next > (1 << width) - (compat ? 0 : 1);
  }

  private void emit(int code, int width) {
    bits = compat ? bits | (long) code << bitCount : bits << width | code;
    bitCount += width;
    while (bitCount >= 8) {
      if (compat) {
        out.write((int) bits);
        bits >>>= 8;
      } else {
        out.write((int) (bits >>> (bitCount - 8)));
      }
      bitCount -= 8;
    }
  }

  private byte[] flush() {
    if (bitCount > 0) {
      out.write((int) (compat ? bits : bits << (8 - bitCount)));
    }
    return out.toByteArray();
  }
}
