package dev.terrace.engine.conformance.peers;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * exactextract's {@code mode} answers the highest of tied values (its {@code minority} the lowest);
 * Terrace's default is the lowest for both, so these cases ask {@code tie: highest}: rows of {@code
 * exactextract.csv} that need {@code tie}. Written against the wire API; the engine implements
 * {@code tie} on another branch, so these fail until it merges.
 */
class ExactextractTieCasesTest {

  static Stream<Arguments> cases() {
    return PeerCase.table("exactextract.csv", "tie");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void peerCase(PeerCase c) {
    c.run();
  }
}
