package dev.terrace.engine.conformance.peers;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * exactextract's {@code coverage_weight} ({@code none}, {@code area_cartesian}, {@code
 * area_spherical_m2}): rows of {@code exactextract.csv} that need {@code coverage_weight}. Written
 * against the wire API; the engine implements it on another branch, so these fail until it merges.
 */
class ExactextractCoverageWeightCasesTest {

  static Stream<Arguments> cases() {
    return PeerCase.table("exactextract.csv", "coverage_weight");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void peerCase(PeerCase c) {
    c.run();
  }
}
