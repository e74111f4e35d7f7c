package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.SampleType;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Every band of every image (full resolution and overviews) of every fixture decodes to exactly the
 * bytes GDAL returns, with GDAL's geotransform, CRS, nodata, scale and offset. The expected answers
 * were computed by {@code make_fixtures.sh} with GDAL; no GDAL is needed here.
 */
class GdalParityTest {

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

  static Stream<Arguments> images() {
    return Fixtures.csv(Fixtures.file("expected.csv")).stream()
        .map(
            row ->
                Arguments.of(
                    Named.of(
                        row.get("file")
                            + " level "
                            + row.get("level")
                            + " band "
                            + row.get("band")
                            + " ["
                            + row.get("compression")
                            + " p"
                            + row.get("predictor")
                            + " "
                            + row.get("interleave")
                            + " "
                            + row.get("byte_order")
                            + (row.get("bigtiff").equals("yes") ? " bigtiff" : "")
                            + "]",
                        row)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("images")
  void decodesExactlyWhatGdalDecodes(Map<String, String> expected) throws Exception {
    try (GeoTiff tiff = GeoTiff.open(Fixtures.file(expected.get("file")))) {
      int level = Integer.parseInt(expected.get("level"));
      RasterSource image = level == 0 ? tiff : tiff.overviews().get(level - 1);
      int band = Integer.parseInt(expected.get("band"));

      assertThat(image.grid().width()).isEqualTo(Integer.parseInt(expected.get("width")));
      assertThat(image.grid().height()).isEqualTo(Integer.parseInt(expected.get("height")));
      Band meta = image.band(band);
      assertThat(meta.type()).isEqualTo(GDAL_TYPES.get(expected.get("data_type")));

      Raster raster = image.read(image.grid().extent(), band);
      assertThat(sha256(raster)).isEqualTo(expected.get("sha256"));

      if (level == 0) {
        assertNodataScaleOffset(meta, expected);
        assertGeotransform(tiff, expected);
        assertCrs(tiff, expected);
      }
    }
  }

  private static void assertNodataScaleOffset(Band meta, Map<String, String> expected) {
    String nodata = expected.get("nodata");
    if (nodata.isEmpty()) {
      assertThat(meta.nodata()).isEmpty();
    } else {
      assertThat(meta.nodata()).isPresent();
      assertThat(Double.valueOf(meta.nodata().getAsDouble()))
          .isEqualTo(Double.valueOf(nodata.replace("nan", "NaN").replace("inf", "Infinity")));
    }
    if (!expected.get("scale").isEmpty()) {
      assertThat(meta.scale()).isEqualTo(Double.parseDouble(expected.get("scale")));
      assertThat(meta.offset()).isEqualTo(Double.parseDouble(expected.get("offset")));
    }
  }

  private static void assertGeotransform(GeoTiff tiff, Map<String, String> expected) {
    double[] gt = tiff.grid().transform().toGdal();
    for (int i = 0; i < 6; i++) {
      double want = Double.parseDouble(expected.get("gt" + i));
      assertThat(gt[i]).as("gt%d", i).isCloseTo(want, within(Math.abs(want) * 1e-12 + 1e-12));
    }
  }

  /**
   * CRS definitions are compared by what they do, not how they are spelled: a point near the
   * raster's centre, taken to lon/lat with GDAL's definition, must come back to the same spot with
   * ours.
   */
  private static void assertCrs(GeoTiff tiff, Map<String, String> expected) {
    String proj4 = expected.get("proj4");
    if (proj4.isEmpty()) {
      assertThat(tiff.grid().crs()).isNull();
      return;
    }
    CoordinateReferenceSystem ours = tiff.grid().crs();
    assertThat(ours).as("CRS of %s (GDAL: %s)", expected.get("file"), proj4).isNotNull();
    CoordinateReferenceSystem gdal = new CRSFactory().createFromParameters("gdal", proj4);
    var t = tiff.grid().transform();
    double cx = t.x(tiff.grid().width() / 2.0, tiff.grid().height() / 2.0);
    double cy = t.y(tiff.grid().width() / 2.0, tiff.grid().height() / 2.0);
    CoordinateTransformFactory f = new CoordinateTransformFactory();
    ProjCoordinate lonLat =
        f.createTransform(gdal, gdal.createGeographic())
            .transform(new ProjCoordinate(cx, cy), new ProjCoordinate());
    ProjCoordinate back =
        f.createTransform(ours.createGeographic(), ours).transform(lonLat, new ProjCoordinate());
    double tolerance = gdal.isGeographic() ? 1e-9 : 1e-4;
    assertThat(back.x)
        .as("x via our CRS %s", ours.getParameterString())
        .isCloseTo(cx, within(tolerance));
    assertThat(back.y)
        .as("y via our CRS %s", ours.getParameterString())
        .isCloseTo(cy, within(tolerance));
  }

  static String sha256(Raster raster) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(raster.toBytes(ByteOrder.LITTLE_ENDIAN)));
  }
}
