package dev.terrace.engine.conformance.peers;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * python-rasterstats' {@code tests/test_zonal.py}, the assertions Terrace runs today: {@code
 * zonal_stats}' default rasterization is Terrace's {@code center} rule, {@code all_touched=True}
 * its {@code all_touched}, {@code categorical=True} its {@code histogram}, the {@code nodata}
 * statistic its {@code nodata_count}. Cases, expected values and what could not be ported: {@code
 * rasterstats_zonal.csv} and the README next to it.
 */
class RasterstatsZonalCasesTest {

  static Stream<Arguments> cases() {
    return PeerCase.table("rasterstats_zonal.csv", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void peerCase(PeerCase c) {
    c.run();
  }
}
