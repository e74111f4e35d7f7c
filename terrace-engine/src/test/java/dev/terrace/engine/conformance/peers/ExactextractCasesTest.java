package dev.terrace.engine.conformance.peers;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * exactextract's {@code python/tests/test_exact_extract.py}, {@code test/test_stats.cpp} and {@code
 * test/test_raster_cell_intersection.cpp} (as {@code count} under {@code exact}, the coverage sum),
 * the assertions Terrace runs today. Cases: {@code exactextract.csv}, rows without {@code needs}.
 */
class ExactextractCasesTest {

  static Stream<Arguments> cases() {
    return PeerCase.table("exactextract.csv", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void peerCase(PeerCase c) {
    c.run();
  }
}
