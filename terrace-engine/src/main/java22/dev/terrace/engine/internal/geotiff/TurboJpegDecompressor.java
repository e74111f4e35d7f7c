package dev.terrace.engine.internal.geotiff;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Compression 7 through libjpeg-turbo's TurboJPEG API (the library GDAL's libtiff decodes JPEG
 * with, SIMD included), called with the foreign function API: a fraction of the CPU per block that
 * the JDK's libjpeg 6b needs. Compiled for Java 22, where that API is final, and created only
 * through {@link JpegDecoders}, which uses {@link JpegDecompressor} instead when this class, the
 * library or native access is missing.
 *
 * <p>The pixels are libtiff's with JPEGCOLORMODE_RGB, as GDAL reads them: libjpeg's default
 * (integer, "slow") IDCT and fancy (triangular) chroma upsampling, which TurboJPEG keeps unless
 * asked otherwise; YCbCr converted to RGB by libjpeg-turbo itself when the TIFF says the block is
 * YCbCr (GDAL gets the same conversion from the same library); and no colour conversion otherwise,
 * where libtiff tells libjpeg the colour space is unknown. TurboJPEG cannot be told that, and
 * libjpeg guesses YCbCr for the component ids 0, 1, 2 that libtiff writes into RGB blocks, so those
 * are decoded to raw (unconverted, unsubsampled) planes and interleaved here.
 *
 * <p>Only the plain case is decoded here: a stream that TurboJPEG refuses or warns about (a damaged
 * or truncated block), a frame that is not exactly the block's width and between its stored rows
 * and its height, or a component layout other than those above, goes to the ImageIO decoder, so
 * that libjpeg's tolerances and the error messages stay those of the fallback and allocation stays
 * bounded by the block.
 */
final class TurboJpegDecompressor implements SampleDecompressor {

  // turbojpeg.h (TurboJPEG 1.4 to 2.1 API; 3.x still exports these functions).
  private static final int TJPF_RGB = 0;
  private static final int TJPF_GRAY = 6;
  private static final int TJCS_RGB = 0;
  private static final int TJCS_YCBCR = 1;
  private static final int TJCS_GRAY = 2;
  private static final int TJSAMP_444 = 0;
  private static final int TJSAMP_GRAY = 3;

  /**
   * A warning (e.g. premature end of data) fails the call at once: the block then goes to the
   * fallback.
   */
  private static final int TJFLAG_STOPONWARNING = 8192;

  /** Width, height, subsampling and colour space, the out-parameters of tjDecompressHeader3. */
  private static final MemoryLayout HEADER = MemoryLayout.sequenceLayout(4, ValueLayout.JAVA_INT);

  private final JpegDecompressor fallback;
  private final MethodHandle init;
  private final MethodHandle destroy;
  private final MethodHandle header;
  private final MethodHandle decompress;
  private final MethodHandle decompressToPlanes;

  /** A TurboJPEG handle holds libjpeg's decoder state, so each is used by one thread at a time. */
  private final BlockingQueue<MemorySegment> pool =
      new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

  /**
   * @param fallback decodes whatever this decoder leaves
   * @throws IllegalStateException if this code may not call native code (no {@code
   *     --enable-native-access})
   * @throws IllegalArgumentException if libturbojpeg is not installed, or C's {@code unsigned long}
   *     (the stream length) is not 64 bits wide on this platform
   */
  TurboJpegDecompressor(JpegDecompressor fallback) {
    this.fallback = fallback;
    Linker linker = Linker.nativeLinker();
    if (!ValueLayout.JAVA_LONG.equals(linker.canonicalLayouts().get("long"))) {
      throw new IllegalArgumentException("C's long is not 64 bits wide here");
    }
    SymbolLookup library = NativeLibrary.load("turbojpeg");
    ValueLayout address = ValueLayout.ADDRESS;
    ValueLayout i32 = ValueLayout.JAVA_INT;
    init =
        linker.downcallHandle(
            library.find("tjInitDecompress").orElseThrow(), FunctionDescriptor.of(address));
    destroy =
        linker.downcallHandle(
            library.find("tjDestroy").orElseThrow(), FunctionDescriptor.of(i32, address));
    header =
        linker.downcallHandle(
            library.find("tjDecompressHeader3").orElseThrow(),
            FunctionDescriptor.of(
                i32, address, address, ValueLayout.JAVA_LONG, address, address, address, address));
    decompress =
        linker.downcallHandle(
            library.find("tjDecompress2").orElseThrow(),
            FunctionDescriptor.of(
                i32, address, address, ValueLayout.JAVA_LONG, address, i32, i32, i32, i32, i32));
    decompressToPlanes =
        linker.downcallHandle(
            library.find("tjDecompressToYUV2").orElseThrow(),
            FunctionDescriptor.of(
                i32, address, address, ValueLayout.JAVA_LONG, address, i32, i32, i32, i32));
  }

  @Override
  public Object decode(ImageLayout layout, byte[] src, int srcOff, int srcLen, int rows)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    JpegDecompressor.checkSupported(layout);
    byte[] stream =
        JpegDecompressor.spliceTables(layout.ifd().longs(TiffTag.JPEG_TABLES), src, srcOff, srcLen);
    byte[] out = decodeNative(layout, stream, rows);
    return out != null ? out : fallback.decodeStream(layout, stream, rows);
  }

  /**
   * The block's samples, or null if the block is not one this decoder takes (see the class
   * comment); package-private so that the tests can tell which blocks it decoded itself.
   */
  byte[] decodeNative(ImageLayout layout, byte[] stream, int rows) {
    int spp = layout.samplesPerBlockPixel();
    int width = layout.blockWidth();
    MemorySegment handle = pool.poll();
    if (handle == null) {
      handle = call(() -> (MemorySegment) init.invokeExact());
      if (handle.equals(MemorySegment.NULL)) {
        return null;
      }
    }
    byte[] out = null;
    // Confined: the native buffers live for this call only, on this thread, and are freed when it
    // returns.
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment jpeg = arena.allocate(stream.length);
      MemorySegment.copy(stream, 0, jpeg, ValueLayout.JAVA_BYTE, 0, stream.length);
      MemorySegment info = arena.allocate(HEADER);
      MemorySegment h = handle;
      int status =
          call(
              () ->
                  (int)
                      header.invokeExact(
                          h,
                          jpeg,
                          (long) stream.length,
                          info,
                          info.asSlice(4),
                          info.asSlice(8),
                          info.asSlice(12)));
      // A tables-only stream (a block without a frame) succeeds without setting the size: 0 x 0 is
      // refused.
      int jpegWidth = info.getAtIndex(ValueLayout.JAVA_INT, 0);
      int jpegHeight = info.getAtIndex(ValueLayout.JAVA_INT, 1);
      int subsampling = info.getAtIndex(ValueLayout.JAVA_INT, 2);
      int colourSpace = info.getAtIndex(ValueLayout.JAVA_INT, 3);
      if (status == 0
          && jpegWidth == width
          && jpegHeight >= rows
          && jpegHeight <= layout.blockHeight()) {
        out =
            decodeFrame(
                h,
                arena,
                jpeg,
                stream.length,
                jpegHeight,
                rows,
                spp,
                width,
                subsampling,
                colourSpace,
                JpegDecompressor.convertsYcbcr(layout));
      }
    } finally {
      // A handle that failed is dropped rather than trusted with the next block.
      if (out == null || !pool.offer(handle)) {
        MemorySegment h = handle;
        call(() -> (int) destroy.invokeExact(h));
      }
    }
    return out;
  }

  private byte[] decodeFrame(
      MemorySegment handle,
      Arena arena,
      MemorySegment jpeg,
      int jpegLength,
      int jpegHeight,
      int rows,
      int spp,
      int width,
      int subsampling,
      int colourSpace,
      boolean ycbcr) {
    int frameBytes = width * jpegHeight * spp;
    MemorySegment pixels = arena.allocate(frameBytes);
    byte[] out = new byte[width * rows * spp];
    if (spp == 1 || ycbcr) {
      int format;
      if (spp == 1 && subsampling == TJSAMP_GRAY && colourSpace == TJCS_GRAY) {
        format = TJPF_GRAY;
      } else if (spp == 3 && colourSpace == TJCS_YCBCR) {
        // libjpeg's YCbCr to RGB after fancy upsampling, as libtiff asks for it with
        // JPEGCOLORMODE_RGB.
        format = TJPF_RGB;
      } else {
        return null;
      }
      int status =
          call(
              () ->
                  (int)
                      decompress.invokeExact(
                          handle,
                          jpeg,
                          (long) jpegLength,
                          pixels,
                          width,
                          width * spp,
                          jpegHeight,
                          format,
                          TJFLAG_STOPONWARNING));
      if (status != 0) {
        return null;
      }
      MemorySegment.copy(pixels, ValueLayout.JAVA_BYTE, 0, out, 0, out.length);
      return out;
    }
    // Three samples stored without colour conversion: raw planes, one sample per pixel each
    // (4:4:4).
    if (subsampling != TJSAMP_444 || (colourSpace != TJCS_YCBCR && colourSpace != TJCS_RGB)) {
      return null;
    }
    int status =
        call(
            () ->
                (int)
                    decompressToPlanes.invokeExact(
                        handle,
                        jpeg,
                        (long) jpegLength,
                        pixels,
                        width,
                        1,
                        jpegHeight,
                        TJFLAG_STOPONWARNING));
    if (status != 0) {
      return null;
    }
    int plane = width * jpegHeight;
    byte[] planes = new byte[3 * plane];
    MemorySegment.copy(pixels, ValueLayout.JAVA_BYTE, 0, planes, 0, planes.length);
    for (int i = 0, p = 0, n = width * rows; i < n; i++, p += 3) {
      out[p] = planes[i];
      out[p + 1] = planes[plane + i];
      out[p + 2] = planes[2 * plane + i];
    }
    return out;
  }

  private interface NativeCall<T> {
    T run() throws Throwable;
  }

  /** Runs a downcall; failures of the call itself (not of the decoding) are programming errors. */
  private static <T> T call(NativeCall<T> downcall) {
    try {
      return downcall.run();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("libturbojpeg call failed", e);
    }
  }
}
