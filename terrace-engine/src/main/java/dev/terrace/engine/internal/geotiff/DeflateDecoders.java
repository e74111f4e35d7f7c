package dev.terrace.engine.internal.geotiff;

/**
 * Chooses the decoder for deflate blocks once: libdeflate where the JVM can call it (Java 22 or
 * newer, native access granted with {@code --enable-native-access=ALL-UNNAMED} or for the engine's
 * module, the library installed), else zlib through {@link java.util.zip.Inflater}. Both decode the
 * same bytes; libdeflate is faster. The libdeflate decoder is compiled for Java 22 and reached by
 * name, since this code targets 21.
 */
final class DeflateDecoders {

  static final Decompressor FASTEST = fastest(new DeflateDecompressor());

  private DeflateDecoders() {}

  static Decompressor fastest(Decompressor inflater) {
    return NativeDecoders.fastest("LibdeflateDecompressor", Decompressor.class, inflater);
  }
}
