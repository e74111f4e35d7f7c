package dev.terrace.engine.conformance.peers;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * exactextract's weighted statistics ({@code weighted_*} with a weighting raster, {@code
 * default_weight}): rows of {@code exactextract.csv} that need {@code weights}. Written against the
 * wire API; the engine implements weights on another branch, so these fail until it merges.
 */
class ExactextractWeightsCasesTest {

  static Stream<Arguments> cases() {
    return PeerCase.table("exactextract.csv", "weights");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void peerCase(PeerCase c) {
    c.run();
  }
}
