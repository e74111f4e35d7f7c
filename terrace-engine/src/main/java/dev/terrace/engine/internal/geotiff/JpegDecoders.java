package dev.terrace.engine.internal.geotiff;

/**
 * Chooses the decoder for JPEG blocks once: libjpeg-turbo, the library GDAL decodes with, where the
 * JVM can call it (Java 22 or newer, native access granted with {@code
 * --enable-native-access=ALL-UNNAMED} or for the engine's module, {@code libturbojpeg.so.0}
 * installed: Debian's {@code libturbojpeg0}), else the JDK's ImageIO reader ({@link
 * JpegDecompressor}). Both give the same pixels; libjpeg-turbo's SIMD code needs a fraction of
 * libjpeg 6b's CPU time. The libjpeg-turbo decoder is compiled for Java 22 and reached by name,
 * since this code targets 21.
 */
final class JpegDecoders {

  static final SampleDecompressor FASTEST = fastest(new JpegDecompressor());

  private JpegDecoders() {}

  static SampleDecompressor fastest(JpegDecompressor imageIo) {
    return NativeDecoders.fastest("TurboJpegDecompressor", JpegDecompressor.class, imageIo);
  }
}
