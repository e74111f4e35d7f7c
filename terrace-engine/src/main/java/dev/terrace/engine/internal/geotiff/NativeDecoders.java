package dev.terrace.engine.internal.geotiff;

/**
 * Reaches a decoder built on a native library (libdeflate, libjpeg-turbo) where the JVM can call
 * it: Java 22 or newer, native access granted ({@code --enable-native-access=ALL-UNNAMED}, or for
 * the engine's module), the library installed. Such decoders are compiled for Java 22 into the
 * multi-release part of the jar and found by name, since this code targets 21; each takes the
 * pure-Java decoder to hand back what it does not decode.
 */
final class NativeDecoders {

  private NativeDecoders() {}

  /**
   * @param className the native decoder's class, in this package
   * @param fallbackType the type of its constructor's one parameter
   * @param fallback the pure-Java decoder, returned when the native one cannot be made
   * @return the native decoder wrapping {@code fallback}, or {@code fallback}
   */
  static <T> T fastest(String className, Class<? super T> fallbackType, T fallback) {
    if (Runtime.version().feature() < 22) {
      return fallback;
    }
    try {
      @SuppressWarnings("unchecked")
      T decoder =
          (T)
              Class.forName(NativeDecoders.class.getPackageName() + "." + className)
                  .getDeclaredConstructor(fallbackType)
                  .newInstance(fallback);
      return decoder;
    } catch (ReflectiveOperationException | LinkageError e) {
      return fallback;
    }
  }
}
