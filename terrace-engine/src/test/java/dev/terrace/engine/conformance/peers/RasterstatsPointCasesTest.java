package dev.terrace.engine.conformance.peers;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * python-rasterstats' {@code tests/test_point.py}: {@code point_query} interpolates bilinearly by
 * default, as Terrace's {@code interpolation: bilinear}; {@code interpolate="nearest"} is Terrace's
 * default. Cases: {@code rasterstats_point.csv}.
 */
class RasterstatsPointCasesTest {

  static Stream<Arguments> cases() {
    return PeerCase.table("rasterstats_point.csv", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void peerCase(PeerCase c) {
    c.run();
  }
}
