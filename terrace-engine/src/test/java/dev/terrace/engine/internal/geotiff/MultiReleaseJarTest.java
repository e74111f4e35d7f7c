package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The engine is a multi-release jar, and its tests run on that jar (the build makes it before the
 * tests), so they load the decoders a user's JVM would: on Java 22 and later the native ones, from
 * the jar's {@code META-INF/versions/22}; on Java 21 only the base classes, and so the pure-Java
 * decoders.
 */
class MultiReleaseJarTest {

  private static final String PACKAGE = "dev/terrace/engine/internal/geotiff/";
  private static final List<String> JAVA22_CLASSES =
      List.of("LibdeflateDecompressor", "TurboJpegDecompressor", "NativeLibrary");

  @Test
  void theEngineUnderTestIsAMultiReleaseJarWithoutJava22ClassesInItsBase() throws Exception {
    Path jar =
        Path.of(DeflateDecoders.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(jar.getFileName().toString()).endsWith(".jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Multi-Release"))
          .isEqualTo("true");
      for (String name : JAVA22_CLASSES) {
        assertThat(file.getEntry(PACKAGE + name + ".class")).as(name).isNull();
      }
    }
  }

  @Test
  void onJava22AndLaterTheNativeDecodersComeFromTheVersionedPart() throws Exception {
    assumeTrue(Runtime.version().feature() >= 22, "Java " + Runtime.version().feature());
    for (String name : JAVA22_CLASSES) {
      Class<?> c = Class.forName(PACKAGE.replace('/', '.') + name);
      assertThat(c.getResource(name + ".class").toString())
          .contains("!/META-INF/versions/22/" + PACKAGE);
    }
    if (DeflateDecodersTest.libdeflateInstalled()) {
      assertThat(DeflateDecoders.FASTEST.getClass().getSimpleName())
          .isEqualTo("LibdeflateDecompressor");
    }
  }

  @Test
  void onJava21OnlyTheBaseClassesAreSeenAndThePureJavaDecodersRun() {
    assumeTrue(Runtime.version().feature() < 22, "Java " + Runtime.version().feature());
    for (String name : JAVA22_CLASSES) {
      assertThatThrownBy(() -> Class.forName(PACKAGE.replace('/', '.') + name))
          .isInstanceOf(ClassNotFoundException.class);
    }
    assertThat(DeflateDecoders.FASTEST).isInstanceOf(DeflateDecompressor.class);
    assertThat(JpegDecoders.FASTEST).isInstanceOf(JpegDecompressor.class);
  }
}
