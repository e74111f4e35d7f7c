package dev.terrace.engine.internal.geotiff;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.List;

/**
 * Finds a native library the decoders call (libdeflate, libjpeg-turbo), as installed on Linux or
 * macOS.
 */
final class NativeLibrary {

  private NativeLibrary() {}

  /**
   * @param name the library's short name, e.g. {@code "deflate"} for {@code libdeflate.so}
   * @return its symbols, loaded for the life of the JVM
   * @throws IllegalStateException if this code may not call native code (no {@code
   *     --enable-native-access}): the JVM would otherwise warn on the first call, where the caller
   *     should fall back instead
   * @throws IllegalArgumentException if the library is not installed
   */
  static SymbolLookup load(String name) {
    if (!NativeLibrary.class.getModule().isNativeAccessEnabled()) {
      throw new IllegalStateException("native access is not enabled");
    }
    IllegalArgumentException missing = new IllegalArgumentException("lib" + name + " not found");
    for (String file :
        List.of(System.mapLibraryName(name), "lib" + name + ".so.0", "lib" + name + ".0.dylib")) {
      try {
        return SymbolLookup.libraryLookup(file, Arena.global());
      } catch (IllegalArgumentException e) {
        missing.addSuppressed(e);
      }
    }
    throw missing;
  }
}
