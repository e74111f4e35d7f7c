package dev.terrace.engine.internal.stacread;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Polygon;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where items overlap, the one met first in the catalog owns the cells: {@code nw.tif} and {@code
 * raised.tif} (the raster's values plus 1000, columns 24–71) overlap over columns 24–47, listed in
 * one order in collection {@code overlap} and in the other in {@code overlap_reversed}. Every cell
 * is read once, from its owner; sums of whole values under the center rule compare exactly.
 */
class StacOverlapTest extends StacWorld {

  /** The west edge of raised.tif, column 24 of the raster. */
  private static final double RAISED_WEST = 5.741666666666666 + 24 / 120.0;

  /** Within the overlap. */
  private static final Polygon OVERLAP = Polygon.rectangle(5.995, 49.86, 6.07, 49.94);

  /** From columns 10 to 60: across nw.tif alone, the overlap and raised.tif alone. */
  private static final Polygon ACROSS = Polygon.rectangle(5.83, 49.83, 6.24, 49.94);

  @Test
  void theFirstItemOwnsTheOverlap() {
    ExtractResult raster = read("file:elev", OVERLAP).get(0);
    ExtractResult first = read("items:overlap", OVERLAP).get(0);
    ExtractResult raisedFirst = read("items:overlap_reversed", OVERLAP).get(0);
    double sum = raster.number().orElseThrow();
    long cells = raster.pixelCount();
    assertThat(cells).isPositive();
    assertThat(first.pixelCount()).isEqualTo(cells);
    assertThat(first.number()).hasValue(sum);
    assertThat(raisedFirst.pixelCount()).isEqualTo(cells);
    assertThat(raisedFirst.number()).hasValue(sum + 1000.0 * cells);
  }

  @Test
  void eachCellIsReadOnceFromItsOwner() {
    List<ExtractResult> raster =
        read(
            "file:elev",
            ACROSS,
            Polygon.rectangle(MID_LON, 49.83, 6.24, 49.94),
            Polygon.rectangle(RAISED_WEST, 49.83, 6.24, 49.94));
    double sum = raster.get(0).number().orElseThrow();
    long onlyRaised = raster.get(1).pixelCount();
    long allRaised = raster.get(2).pixelCount();
    assertThat(onlyRaised).isPositive().isLessThan(allRaised);
    ExtractResult first = read("items:overlap", ACROSS).get(0);
    ExtractResult raisedFirst = read("items:overlap_reversed", ACROSS).get(0);
    assertThat(first.pixelCount()).isEqualTo(raster.get(0).pixelCount());
    assertThat(first.number()).hasValue(sum + 1000.0 * onlyRaised);
    assertThat(raisedFirst.pixelCount()).isEqualTo(raster.get(0).pixelCount());
    assertThat(raisedFirst.number()).hasValue(sum + 1000.0 * allRaised);
  }

  /**
   * An item whose asset cannot be read (403 here) is missing alone, with a warning, and is tried
   * again by the next request.
   */
  @Test
  void anItemThatCannotBeReadIsMissingAloneAndTriedAgain() {
    server.failWith("/stac/raised.tif", 403, 1000);
    ExtractResponse failed =
        terrace.extract(
            ExtractRequest.builder()
                .geometry(ACROSS)
                .datasets("served:overlap")
                .aggregation("sum")
                .pixelRule(PixelRule.CENTER)
                .build());
    server.clearFaults("/stac/raised.tif");
    List<ExtractResult> raster =
        read("file:elev", Polygon.rectangle(5.83, 49.83, RAISED_WEST + 24 / 120.0, 49.94));
    assertThat(failed.results().get(0).quality()).isEqualTo(Quality.PARTIAL);
    assertThat(failed.results().get(0).pixelCount()).isEqualTo(raster.get(0).pixelCount());
    assertThat(failed.results().get(0).number()).isEqualTo(raster.get(0).number());
    assertThat(failed.warnings())
        .singleElement()
        .asString()
        .startsWith("served:overlap: item raised cannot be read, its part is missing: ")
        .contains("403");
    assertThat(read("served:overlap", ACROSS).get(0).number())
        .isEqualTo(read("items:overlap", ACROSS).get(0).number());
  }

  private static List<ExtractResult> read(String dataset, Geometry... geometries) {
    return read(List.of(geometries), dataset, PixelRule.CENTER, "sum");
  }
}
