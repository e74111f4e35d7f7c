package dev.terrace.engine.internal.geotiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Undoes the TIFF Predictor tag in place on one decompressed block, row by row as libtiff does: a
 * row never borrows from the row above, so each block (and each row) decodes independently.
 *
 * <p>These methods sit in the per-tile hot path and trust their caller: the reader has already
 * checked that {@code data} holds at least {@code rows * width * samplesPerPixel * bytesPerSample}
 * bytes (anything after that is left alone) and that the sample size is one the method supports. A
 * violation is a reader bug and fails with an unchecked exception rather than a {@link
 * DecodeException}.
 */
final class Predictor {

  private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_LE = view(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BE = view(long[].class, ByteOrder.BIG_ENDIAN);

  /**
   * The byte-plane copy of the row being un-shuffled, kept per thread and grown to the widest row
   * seen, so that undoing predictor 3 allocates nothing per row or per block.
   */
  private static final ThreadLocal<byte[]> PLANES = ThreadLocal.withInitial(() -> new byte[0]);

  private Predictor() {}

  /**
   * Undoes Predictor 2 (horizontal differencing): within each row, sample {@code k} for {@code k >=
   * samplesPerPixel} is increased by sample {@code k - samplesPerPixel}, with integer wraparound.
   * Samples are read and written in the file's byte order. Float32 and Float64 samples go through
   * here too, because libtiff differences their raw bits as 32- or 64-bit integers.
   *
   * @param data the block, updated in place
   * @param rows rows in the block
   * @param width pixels per row
   * @param samplesPerPixel interleaved samples per pixel (1 for planar blocks)
   * @param bytesPerSample 1, 2, 4 or 8
   * @param order the file's byte order
   */
  static void undoHorizontal(
      byte[] data, int rows, int width, int samplesPerPixel, int bytesPerSample, ByteOrder order) {
    int rowBytes = width * samplesPerPixel * bytesPerSample;
    int stride = samplesPerPixel * bytesPerSample;
    boolean bigEndian = order == ByteOrder.BIG_ENDIAN;
    for (int row = 0, start = 0; row < rows; row++, start += rowBytes) {
      int end = start + rowBytes;
      switch (bytesPerSample) {
        case 1 -> accumulate8(data, start, end, stride);
        case 2 -> accumulate16(data, start, end, stride, bigEndian);
        case 4 -> accumulate32(data, start, end, stride, bigEndian);
        case 8 -> accumulate64(data, start, end, stride, bigEndian);
        default ->
            throw new IllegalArgumentException(
                bytesPerSample + "-byte samples have no predictor 2");
      }
    }
  }

  /**
   * Undoes Predictor 3 (floating-point), as libtiff's {@code fpAcc}: each row is first byte-wise
   * accumulated with a stride of {@code samplesPerPixel}, then its byte planes are interleaved back
   * into samples. The writer stored the planes most significant byte first regardless of the file's
   * byte order, so <b>after this call the block is big-endian whatever the file's byte order</b>,
   * and the reader must decode it as such.
   *
   * @param data the block, updated in place
   * @param rows rows in the block
   * @param width pixels per row
   * @param samplesPerPixel interleaved samples per pixel (1 for planar blocks)
   * @param bytesPerSample 2, 4 or 8 (half, single or double precision)
   */
  static void undoFloatingPoint(
      byte[] data, int rows, int width, int samplesPerPixel, int bytesPerSample) {
    int samples = width * samplesPerPixel;
    int rowBytes = samples * bytesPerSample;
    byte[] planes = planes(rowBytes);
    for (int row = 0, start = 0; row < rows; row++, start += rowBytes) {
      accumulateRow(data, start, rowBytes, samplesPerPixel, planes);
      for (int plane = 0; plane < bytesPerSample; plane++) {
        for (int j = 0, from = plane * samples, to = start + plane;
            j < samples;
            j++, to += bytesPerSample) {
          data[to] = planes[from + j];
        }
      }
    }
  }

  /**
   * Undoes Predictor 3 on a Float32 block straight into its samples: the same transform as {@link
   * #undoFloatingPoint(byte[], int, int, int, int)}, but each row goes once through a row-sized
   * buffer and then into {@code out}, instead of being written back into the block and converted
   * from big-endian bytes in another pass over it. Float32 COGs are the common case and these
   * passes their hot loop.
   *
   * @param data the block, used as scratch
   * @param rows rows in the block
   * @param width pixels per row
   * @param samplesPerPixel interleaved samples per pixel (1 for planar blocks)
   * @param out receives {@code rows * width * samplesPerPixel} samples
   */
  static void undoFloatingPoint(
      byte[] data, int rows, int width, int samplesPerPixel, float[] out) {
    int samples = width * samplesPerPixel;
    int rowBytes = samples * Float.BYTES;
    byte[] planes = planes(rowBytes);
    for (int row = 0, start = 0, at = 0; row < rows; row++, start += rowBytes, at += samples) {
      accumulateRow(data, start, rowBytes, samplesPerPixel, planes);
      interleave32(planes, samples, out, at);
    }
  }

  /**
   * Interleaves four byte planes of {@code samples} bytes each, most significant first, into
   * floats, four samples at a time from one 32-bit word of each plane: byte k of the four words
   * makes sample k. Measured a fifth faster than assembling each sample from four byte loads, which
   * the JIT vectorises poorly.
   */
  private static void interleave32(byte[] planes, int samples, float[] out, int at) {
    int j = 0;
    for (; j + Integer.BYTES <= samples; j += Integer.BYTES) {
      int p0 = (int) INT_LE.get(planes, j);
      int p1 = (int) INT_LE.get(planes, samples + j);
      int p2 = (int) INT_LE.get(planes, 2 * samples + j);
      int p3 = (int) INT_LE.get(planes, 3 * samples + j);
      // 16-bit lanes of (plane 0 byte, plane 1 byte) and (plane 2 byte, plane 3 byte), for samples
      // 0 and 2
      // (even) and samples 1 and 3 (odd).
      int even01 = (p0 & 0x00FF00FF) << 8 | (p1 & 0x00FF00FF);
      int odd01 = (p0 & 0xFF00FF00) | (p1 >>> 8 & 0x00FF00FF);
      int even23 = (p2 & 0x00FF00FF) << 8 | (p3 & 0x00FF00FF);
      int odd23 = (p2 & 0xFF00FF00) | (p3 >>> 8 & 0x00FF00FF);
      out[at + j] = Float.intBitsToFloat(even01 << 16 | even23 & 0xFFFF);
      out[at + j + 1] = Float.intBitsToFloat(odd01 << 16 | odd23 & 0xFFFF);
      out[at + j + 2] = Float.intBitsToFloat(even01 & 0xFFFF0000 | even23 >>> 16);
      out[at + j + 3] = Float.intBitsToFloat(odd01 & 0xFFFF0000 | odd23 >>> 16);
    }
    for (; j < samples; j++) {
      out[at + j] =
          Float.intBitsToFloat(
              planes[j] << 24
                  | (planes[samples + j] & 0xFF) << 16
                  | (planes[2 * samples + j] & 0xFF) << 8
                  | (planes[3 * samples + j] & 0xFF));
    }
  }

  private static byte[] planes(int rowBytes) {
    byte[] planes = PLANES.get();
    if (planes.length < rowBytes) {
      planes = new byte[rowBytes];
      PLANES.set(planes);
    }
    return planes;
  }

  /**
   * Writes row {@code data[start, start + rowBytes)}, byte-wise accumulated, to {@code planes[0,
   * rowBytes)}.
   */
  private static void accumulateRow(
      byte[] data, int start, int rowBytes, int stride, byte[] planes) {
    if (stride == 1) {
      accumulateBytes(data, start, planes, 0, rowBytes);
    } else {
      System.arraycopy(data, start, planes, 0, rowBytes);
      accumulate8(planes, 0, rowBytes, stride);
    }
  }

  // The accumulate methods turn differences into values along data[start, end): each walks the row
  // once per
  // sample of a pixel (a "lane", stride bytes apart), keeping the running sum in a register,
  // because summing
  // in place (data[i] += data[i - stride]) makes every step wait for the previous store and
  // measured about
  // four times slower for one-sample pixels. The byte-order test sits inside the loops so that each
  // sample
  // size needs one method: it is loop-invariant and the JIT hoists it, whereas choosing a VarHandle
  // at run
  // time would stop the accesses from being inlined.

  private static void accumulate8(byte[] data, int start, int end, int stride) {
    if (stride == 1) {
      accumulateBytes(data, start, data, start, end - start);
      return;
    }
    for (int lane = start, lanes = Math.min(start + stride, end); lane < lanes; lane++) {
      byte sum = data[lane];
      for (int i = lane + stride; i < end; i += stride) {
        sum += data[i];
        data[i] = sum;
      }
    }
  }

  private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;
  private static final long LANES16 = 0x0001000100010001L;

  /**
   * Running byte sums (modulo 256) of {@code from[start, start + length)} into {@code to} from
   * {@code at} (the same array and offset for in place), eight bytes at a time. Within a word the
   * even and the odd bytes are spread into 16-bit lanes, where one multiplication by {@code
   * 0x0001000100010001} gives each lane the sum of it and all lanes below without overflowing into
   * the next; the byte sums are the low bytes of those lane sums. The only step each word waits for
   * is adding the previous word's total to the carry, so words overlap in the pipeline. Predictor 3
   * rows run through here, so this is the hot loop of reading floating-point COGs.
   */
  private static void accumulateBytes(byte[] from, int start, byte[] to, int at, int length) {
    int carry = 0;
    int i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      long x = (long) LONG_LE.get(from, start + i);
      long even = (x & EVEN_BYTES) * LANES16;
      long odd = ((x >>> 8) & EVEN_BYTES) * LANES16;
      long c = (carry & 0xFF) * LANES16;
      // Lane k: bytes 0 to 2k (for byte 2k) and bytes 0 to 2k + 1 (for byte 2k + 1), plus the
      // carry.
      long toEven = even + (odd << 16) + c;
      long toOdd = even + odd + c;
      LONG_LE.set(to, at + i, (toEven & EVEN_BYTES) | (toOdd & EVEN_BYTES) << 8);
      carry += (int) ((even + odd) >>> 48);
    }
    byte sum = (byte) carry;
    for (; i < length; i++) {
      sum += from[start + i];
      to[at + i] = sum;
    }
  }

  private static void accumulate16(byte[] data, int start, int end, int stride, boolean bigEndian) {
    for (int lane = start, lanes = Math.min(start + stride, end);
        lane < lanes;
        lane += Short.BYTES) {
      short sum = bigEndian ? (short) SHORT_BE.get(data, lane) : (short) SHORT_LE.get(data, lane);
      for (int i = lane + stride; i < end; i += stride) {
        if (bigEndian) {
          sum += (short) SHORT_BE.get(data, i);
          SHORT_BE.set(data, i, sum);
        } else {
          sum += (short) SHORT_LE.get(data, i);
          SHORT_LE.set(data, i, sum);
        }
      }
    }
  }

  private static void accumulate32(byte[] data, int start, int end, int stride, boolean bigEndian) {
    for (int lane = start, lanes = Math.min(start + stride, end);
        lane < lanes;
        lane += Integer.BYTES) {
      int sum = bigEndian ? (int) INT_BE.get(data, lane) : (int) INT_LE.get(data, lane);
      for (int i = lane + stride; i < end; i += stride) {
        if (bigEndian) {
          sum += (int) INT_BE.get(data, i);
          INT_BE.set(data, i, sum);
        } else {
          sum += (int) INT_LE.get(data, i);
          INT_LE.set(data, i, sum);
        }
      }
    }
  }

  private static void accumulate64(byte[] data, int start, int end, int stride, boolean bigEndian) {
    for (int lane = start, lanes = Math.min(start + stride, end);
        lane < lanes;
        lane += Long.BYTES) {
      long sum = bigEndian ? (long) LONG_BE.get(data, lane) : (long) LONG_LE.get(data, lane);
      for (int i = lane + stride; i < end; i += stride) {
        if (bigEndian) {
          sum += (long) LONG_BE.get(data, i);
          LONG_BE.set(data, i, sum);
        } else {
          sum += (long) LONG_LE.get(data, i);
          LONG_LE.set(data, i, sum);
        }
      }
    }
  }

  private static VarHandle view(Class<?> arrayType, ByteOrder order) {
    return MethodHandles.byteArrayViewVarHandle(arrayType, order);
  }
}
