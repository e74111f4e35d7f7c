package dev.terrace.engine.conformance.peers;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * exactextract's per-cell outputs ({@code values}, {@code coverage}, {@code center_x}, {@code
 * center_y}, {@code cell_id}) and {@code test_raster_cell_intersection.cpp}'s coverage matrices,
 * read from Terrace's {@code cells} aggregation: rows of {@code exactextract.csv} that need {@code
 * cells}. Written against the wire API; the engine implements {@code cells} on another branch, so
 * these fail until it merges.
 */
class ExactextractCellsCasesTest {

  static Stream<Arguments> cases() {
    return PeerCase.table("exactextract.csv", "cells");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void peerCase(PeerCase c) {
    c.run();
  }
}
