package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.SampleType;
import dev.terrace.engine.internal.raster.Window;
import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Int64 and UInt64 fixtures of {@code geotiff/int64} (tiled DEFLATE with predictor 2 and a
 * sparse tile, striped uncompressed) decode to exactly GDAL's longs, with GDAL's nodata as an exact
 * 64-bit integer.
 */
class Int64ParityTest {

  static Stream<Arguments> files() {
    return Fixtures.csv(Fixtures.file("int64/expected_pixels.csv")).stream()
        .map(row -> Arguments.of(Named.of(row.get("file"), row)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void decodesExactlyTheLongsGdalDecodes(Map<String, String> expected) throws Exception {
    try (GeoTiff tiff = GeoTiff.open(Fixtures.file("int64/" + expected.get("file")))) {
      Band band = tiff.band(1);
      SampleType type =
          expected.get("data_type").equals("Int64") ? SampleType.INT64 : SampleType.UINT64;
      assertThat(band.type()).isEqualTo(type);
      assertThat(tiff.grid().width()).isEqualTo(Integer.parseInt(expected.get("width")));

      Raster raster = tiff.read(tiff.grid().extent(), 1);
      assertThat(raster.array()).isInstanceOf(long[].class);
      assertThat(GdalParityTest.sha256(raster)).isEqualTo(expected.get("sha256"));

      long nodata = new BigInteger(expected.get("nodata")).longValue();
      assertThat(band.nodataBits()).hasValue(nodata);
      assertThat(band.isNodataBits(nodata)).isTrue();
      // Both neighbours round to the same double as the nodata; only the bits tell them apart.
      assertThat(band.isNodataBits(nodata + 1)).isFalse();
      assertThat(band.isNodataBits(nodata - 1)).isFalse();
    }
  }

  /**
   * The tiled files leave out their last tile of the second row (the generator checks that GDAL
   * stores no bytes for it): GDAL reads it as the nodata, and so must we, exactly.
   */
  @Test
  void aTileTheFileLeavesOutReadsAsTheExactNodata() {
    Map<String, Long> nodata =
        Map.of(
            "i64_deflate_p2_tiled.tif",
            -Long.MAX_VALUE,
            "u64_deflate_p2_tiled.tif",
            Long.parseUnsignedLong("18446744073709551614"));
    nodata.forEach(
        (file, bits) -> {
          try (GeoTiff tiff = GeoTiff.open(Fixtures.file("int64/" + file))) {
            long[] cells = (long[]) tiff.read(Window.of(32, 16, 8, 8), 1).array();
            assertThat(cells).as(file).containsOnly(bits);
          }
        });
  }
}
