package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.SampleType;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every band of every file in {@code geotiff/codecs} (LZMA, JPEG, WebP, LERC and its deflate/zstd
 * wrappers, 16-bit floats) decodes to exactly the bytes GDAL's {@code ReadAsArray} returns. The
 * answers were computed by {@code codecs/make_codecs.sh} with GDAL; no GDAL is needed here.
 */
class CodecParityTest {

  private static final Map<String, SampleType> GDAL_TYPES =
      Map.of(
          "Byte",
          SampleType.UINT8,
          "Int8",
          SampleType.INT8,
          "UInt16",
          SampleType.UINT16,
          "Int16",
          SampleType.INT16,
          "UInt32",
          SampleType.UINT32,
          "Int32",
          SampleType.INT32,
          "Float32",
          SampleType.FLOAT32,
          "Float64",
          SampleType.FLOAT64);

  static Stream<Arguments> bands() {
    return Fixtures.csv(Fixtures.file("codecs/expected.csv")).stream()
        .filter(row -> !lossyWebp(row))
        .map(
            row ->
                Arguments.of(
                    Named.of(
                        row.get("file")
                            + " band "
                            + row.get("band")
                            + " ["
                            + row.get("codec")
                            + (row.get("nbits").isEmpty() ? "" : " NBITS=" + row.get("nbits"))
                            + "]",
                        row)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bands")
  void decodesExactlyWhatGdalDecodes(Map<String, String> expected) throws Exception {
    try (GeoTiff tiff = GeoTiff.open(Fixtures.file("codecs/" + expected.get("file")))) {
      int band = Integer.parseInt(expected.get("band"));
      assertThat(tiff.grid().width()).isEqualTo(Integer.parseInt(expected.get("width")));
      assertThat(tiff.grid().height()).isEqualTo(Integer.parseInt(expected.get("height")));
      assertThat(tiff.band(band).type()).isEqualTo(GDAL_TYPES.get(expected.get("data_type")));

      Raster raster = tiff.read(tiff.grid().extent(), band);
      assertThat(GdalParityTest.sha256(raster)).isEqualTo(expected.get("sha256"));
    }
  }

  private static boolean lossyWebp(Map<String, String> row) {
    return row.get("codec").equals("WEBP") && row.get("file").contains("lossy");
  }

  static Stream<String> lossyWebpFiles() {
    return Fixtures.csv(Fixtures.file("codecs/expected.csv")).stream()
        .filter(CodecParityTest::lossyWebp)
        .map(row -> row.get("file"))
        .distinct();
  }

  /**
   * Lossy WebP is refused (see {@link WebpDecompressor}), naming the block, rather than decoded
   * differently.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("lossyWebpFiles")
  void lossyWebpIsRefusedNamingTheBlock(String file) {
    try (GeoTiff tiff = GeoTiff.open(Fixtures.file("codecs/" + file))) {
      assertThatThrownBy(() -> tiff.read(tiff.grid().extent(), 1))
          .isInstanceOf(RasterFormatException.class)
          .hasMessageContaining(file + ", IFD 0, tile ")
          .hasMessageContaining("lossy WebP (VP8) is not supported");
    }
  }
}
