package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Overviews are exposed finest first, placed by GDAL's size ratio, and chosen by cell size. */
class OverviewSelectionTest {

  @Test
  void overviewsComeFinestFirstAndScaleTheGeotransformByTheSizeRatio() {
    try (GeoTiff tiff = GeoTiff.open(Fixtures.file("ovr_cog_u16_deflate_p2_150x110.tif"))) {
      assertThat(tiff.overviews()).extracting(o -> o.grid().width()).containsExactly(75, 37, 18, 9);
      GeoTiff third = tiff.overviews().get(2);
      double[] full = tiff.grid().transform().toGdal();
      double[] reduced = third.grid().transform().toGdal();
      assertThat(reduced[0]).isEqualTo(full[0]);
      assertThat(reduced[1]).isEqualTo(full[1] * (150.0 / 18));
      assertThat(reduced[5]).isEqualTo(full[5] * (110.0 / 13));
      assertThat(third.overviews()).isEmpty();
    }
  }

  @Test
  void aCellSizePicksTheCoarsestImageNoCoarserThanAsked() {
    try (GeoTiff tiff = GeoTiff.open(Fixtures.file("ovr_cog_u16_deflate_p2_150x110.tif"))) {
      double cell = tiff.grid().resolution()[0];
      assertThat(tiff.forCellSize(cell)).isSameAs(tiff);
      assertThat(tiff.forCellSize(cell * 1.5)).isSameAs(tiff);
      assertThat(tiff.forCellSize(cell * 2.1).grid().width()).isEqualTo(75);
      assertThat(tiff.forCellSize(cell * 5).grid().width()).isEqualTo(37);
      assertThat(tiff.forCellSize(cell * 1000).grid().width()).isEqualTo(9);
      assertThatThrownBy(() -> tiff.forCellSize(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cell size");
    }
  }
}
