package dev.terrace.engine.internal.geotiff;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Compression 8 and 32946 through libdeflate (the decoder GDAL uses), called with the foreign
 * function API: on these blocks it inflates more than twice as fast as zlib. Compiled for Java 22,
 * where that API is final, and created only through {@link DeflateDecoders}, which falls back to
 * {@link DeflateDecompressor} when this class, the library or native access is missing.
 *
 * <p>libdeflate decodes a block in one call, and succeeds only if the stream is intact (Adler-32
 * included) and fills the block exactly. Anything else (a stream that is corrupt, short, padded or
 * longer than the block) is handed to the fallback, so that libtiff's tolerances and the error
 * messages stay those of the zlib path.
 */
final class LibdeflateDecompressor implements InPlaceDecompressor {

  private static final int SUCCESS = 0;

  private final Decompressor fallback;
  private final MethodHandle decompress;
  private final MethodHandle allocate;
  private final MethodHandle free;

  /**
   * libdeflate's decompressors keep state between calls, so each is used by one thread at a time.
   */
  private final BlockingQueue<MemorySegment> pool =
      new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

  /**
   * @param fallback decodes whatever libdeflate does not accept
   * @throws IllegalStateException if this code may not call native code (no {@code
   *     --enable-native-access})
   * @throws IllegalArgumentException if libdeflate is not installed
   */
  LibdeflateDecompressor(Decompressor fallback) {
    this.fallback = fallback;
    SymbolLookup library = NativeLibrary.load("deflate");
    Linker linker = Linker.nativeLinker();
    allocate =
        linker.downcallHandle(
            library.find("libdeflate_alloc_decompressor").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS));
    free =
        linker.downcallHandle(
            library.find("libdeflate_free_decompressor").orElseThrow(),
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    // critical: the call is short and does not call back, so it may read and write the Java arrays
    // in place.
    decompress =
        linker.downcallHandle(
            library.find("libdeflate_zlib_decompress").orElseThrow(),
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS),
            Linker.Option.critical(true));
  }

  @Override
  public void decodeInto(byte[] src, int srcOff, int srcLen, byte[] dst, int expectedLength)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    Objects.checkFromIndexSize(0, expectedLength, dst.length);
    MemorySegment decompressor = pool.poll();
    if (decompressor == null) {
      decompressor = newDecompressor();
    }
    int result;
    try {
      // A null actual-size pointer asks for exactly expectedLength bytes.
      result =
          (int)
              decompress.invokeExact(
                  decompressor,
                  MemorySegment.ofArray(src).asSlice(srcOff, srcLen),
                  (long) srcLen,
                  MemorySegment.ofArray(dst),
                  (long) expectedLength,
                  MemorySegment.NULL);
    } catch (Throwable e) {
      throw new IllegalStateException("libdeflate call failed", e);
    } finally {
      if (!pool.offer(decompressor)) {
        try {
          free.invokeExact(decompressor);
        } catch (Throwable e) {
          throw new IllegalStateException("libdeflate call failed", e);
        }
      }
    }
    if (result != SUCCESS) {
      fallback.decodeInto(src, srcOff, srcLen, dst, expectedLength);
    }
  }

  private MemorySegment newDecompressor() {
    MemorySegment decompressor;
    try {
      decompressor = (MemorySegment) allocate.invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("libdeflate call failed", e);
    }
    if (decompressor.equals(MemorySegment.NULL)) {
      throw new OutOfMemoryError("libdeflate could not allocate a decompressor");
    }
    return decompressor;
  }
}
