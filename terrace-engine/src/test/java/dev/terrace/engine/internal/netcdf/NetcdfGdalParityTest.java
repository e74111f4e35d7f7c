package dev.terrace.engine.internal.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.Window;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bcsd_obs_1999.nc against GDAL: the geotransform of {@code gdalinfo NETCDF:"bcsd_obs_1999.nc":pr},
 * and every row of the fixture set's point answers (200 points x 2 variables x 12 months): the cell
 * GDAL found, its value exactly, nodata where GDAL found none, and the month's time stamp.
 */
class NetcdfGdalParityTest {

  private static final List<Map<String, String>> POINTS =
      NcFixtures.csv("bcsd_obs_1999_points_expected.csv");
  private static NetcdfRaster pr;
  private static NetcdfRaster tas;

  @BeforeAll
  static void open() {
    pr = NetcdfRaster.open(NcFixtures.file("bcsd_obs_1999.nc"), "pr");
    tas = NetcdfRaster.open(NcFixtures.file("bcsd_obs_1999.nc"), "tas");
  }

  @AfterAll
  static void close() {
    pr.close();
    tas.close();
  }

  @Test
  void gridIsGdals() {
    for (NetcdfRaster r : List.of(pr, tas)) {
      assertThat(r.grid().width()).isEqualTo(81);
      assertThat(r.grid().height()).isEqualTo(33);
      // gdalinfo: Origin = (-85.000000000000000,37.125000000000000), Pixel Size = (0.125,-0.125)
      assertThat(r.grid().transform().toGdal())
          .containsExactly(-85.0, 0.125, 0.0, 37.125, 0.0, -0.125);
      assertThat(r.grid().crsName()).isEqualTo("EPSG:4326");
      assertThat(r.bandCount()).isEqualTo(12);
      assertThat(r.band(1).type()).isEqualTo(dev.terrace.engine.internal.raster.SampleType.FLOAT32);
      assertThat(r.band(1).nodata()).isEmpty();
      assertThat(r.overviews()).isEmpty();
    }
  }

  @Test
  void timesAreTheStoredMonthEnds() {
    // days since 1950-01-01, standard calendar: 17927 ... 18261
    List<LocalDate> expected =
        Stream.of(
                "1999-01-31",
                "1999-02-28",
                "1999-03-31",
                "1999-04-30",
                "1999-05-31",
                "1999-06-30",
                "1999-07-31",
                "1999-08-31",
                "1999-09-30",
                "1999-10-31",
                "1999-11-30",
                "1999-12-31")
            .map(LocalDate::parse)
            .toList();
    assertThat(pr.times()).hasSize(12);
    assertThat(pr.times()).isEqualTo(tas.times());
    assertThat(pr.times())
        .allSatisfy(
            t -> assertThat(t.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay()).isZero());
    assertThat(pr.times().stream().map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)).toList())
        .isEqualTo(expected);
  }

  static Stream<Arguments> layers() {
    return Stream.of("pr", "tas")
        .flatMap(
            v -> java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> Arguments.of(v, m)));
  }

  @ParameterizedTest(name = "{0} month {1}")
  @MethodSource("layers")
  void everyPointReadsGdalsCellAndValue(String variable, int month) {
    NetcdfRaster raster = variable.equals("pr") ? pr : tas;
    PixelLocator locator = new PixelLocator(raster.grid());
    List<Map<String, String>> rows =
        POINTS.stream()
            .filter(
                p ->
                    p.get("variable").equals(variable) && Integer.parseInt(p.get("month")) == month)
            .toList();
    assertThat(rows).hasSize(200);
    SoftAssertions soft = new SoftAssertions();
    for (Map<String, String> p : rows) {
      String id = variable + " month " + month + " point " + p.get("id");
      soft.assertThat(LocalDate.ofInstant(raster.times().get(month - 1), ZoneOffset.UTC).toString())
          .as(id + " time")
          .isEqualTo(p.get("time"));
      double lon = Double.parseDouble(p.get("lon"));
      double lat = Double.parseDouble(p.get("lat"));
      double[] pixel = locator.pixel(lon, lat);
      soft.assertThat(pixel[0])
          .as(id + " col_f")
          .isCloseTo(Double.parseDouble(p.get("col_f")), within(1e-9));
      soft.assertThat(pixel[1])
          .as(id + " row_f")
          .isCloseTo(Double.parseDouble(p.get("row_f")), within(1e-9));
      Window cell = locator.cell(lon, lat);
      if (p.get("row").isEmpty()) {
        soft.assertThat(cell).as(id + " outside").isNull();
        continue;
      }
      if (cell == null) {
        soft.fail(id + " should be inside, at row " + p.get("row") + " col " + p.get("col"));
        continue;
      }
      soft.assertThat(cell.row()).as(id + " row").isEqualTo(Integer.parseInt(p.get("row")));
      soft.assertThat(cell.col()).as(id + " col").isEqualTo(Integer.parseInt(p.get("col")));
      double value = raster.read(cell, month).get(0);
      if (p.get("value").isEmpty()) {
        soft.assertThat(raster.band(month).isNodata(value))
            .as(id + " nodata, got " + value)
            .isTrue();
      } else {
        soft.assertThat(value).as(id + " value").isEqualTo(Double.parseDouble(p.get("value")));
      }
    }
    soft.assertAll();
  }
}
