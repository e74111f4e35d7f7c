package dev.terrace.engine.internal.geotiff;

import java.io.ByteArrayOutputStream;

/**
 * A PackBits packer for tests: runs of three or more equal bytes become repeat runs, the rest
 * literals.
 */
final class PackBitsTestEncoder {

  private static final int MAX_CHUNK = 128;

  private PackBitsTestEncoder() {}

  static byte[] encode(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < data.length) {
      int run = 1;
      while (i + run < data.length && run < MAX_CHUNK && data[i + run] == data[i]) {
        run++;
      }
      if (run >= 3) {
        out.write(1 - run);
        out.write(data[i]);
        i += run;
        continue;
      }
      int end = i + 1;
      while (end < data.length && end - i < MAX_CHUNK && !runStartsAt(data, end)) {
        end++;
      }
      out.write(end - i - 1);
      out.write(data, i, end - i);
      i = end;
    }
    return out.toByteArray();
  }

  private static boolean runStartsAt(byte[] data, int i) {
    return i + 2 < data.length && data[i] == data[i + 1] && data[i] == data[i + 2];
  }
}
