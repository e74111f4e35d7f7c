package dev.terrace.engine.internal.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.SampleType;
import dev.terrace.engine.internal.raster.Window;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The small generated fixtures (make_fixtures.py in the fixture folder). Every cell of every
 * fixture follows a formula of the file's own indices, so the expected values below are that
 * formula read north-up; the spot checks marked "GDAL" are what {@code gdallocationinfo} returns
 * for the same cell. Values compare boxed, so that an expected NaN (nodata) matches.
 */
class NetcdfFixturesTest {

  @Test
  void projectedTimeYXWithATransverseMercatorGridMapping() {
    try (NetcdfRaster r = NetcdfRaster.open(NcFixtures.file("utm_tyx.nc"), "temp")) {
      // gdalinfo: Origin = (500000, 9002000), Pixel Size = (500, -500); y ascending in the file is
      // flipped.
      assertThat(r.grid().width()).isEqualTo(5);
      assertThat(r.grid().height()).isEqualTo(4);
      assertThat(r.grid().transform().toGdal())
          .containsExactly(500000.0, 500.0, 0.0, 9002000.0, 0.0, -500.0);
      assertThat(r.grid().crs()).isNotNull();
      // proj4j's etmerc: PROJ's exact transverse Mercator series, which GDAL computes.
      assertThat(r.grid().crs().getParameterString())
          .contains("+proj=etmerc", "+lon_0=-33.0", "+k=0.9996", "+y_0=1.0E7", "+datum=WGS84");
      assertThat(r.band(1).type()).isEqualTo(SampleType.FLOAT32);
      assertThat(r.times())
          .containsExactly(
              Instant.parse("2020-01-01T00:00:00Z"),
              Instant.parse("2020-01-02T12:00:00Z"),
              Instant.parse("2020-02-01T00:00:00Z"));
      // temp[t, j, i] = 250 + 10 t + j + i / 10 as float32, j from the south: row r is j = 3 - r.
      for (int t = 0; t < 3; t++) {
        Raster all = r.read(r.grid().extent(), t + 1);
        for (int row = 0; row < 4; row++) {
          for (int col = 0; col < 5; col++) {
            int j = 3 - row;
            double expected =
                t == 1 && j == 0 && col == 0 ? Double.NaN : (float) (250 + 10 * t + j + col / 10.0);
            assertThat((Double) all.get(col, row))
                .as("t=%d row=%d col=%d", t, row, col)
                .isEqualTo((Double) expected);
          }
        }
      }
      // GDAL: gdallocationinfo -wgs84 at the centre of cell (2, 1) (EPSG:32725 501250 9001250)
      // gives
      // 252.199996948242 / 262.200012207031 / 272.200012207031, and -9999 (nodata) in band 2 at
      // cell (0, 3).
      PixelLocator locator = new PixelLocator(r.grid());
      Window cell = locator.cell(-32.9886263677655, -9.03525594946121);
      assertThat(cell).isEqualTo(new Window(2, 1, 1, 1));
      assertThat(r.read(cell, 1).get(0)).isEqualTo(252.199996948242, within(1e-12));
      assertThat(r.read(cell, 3).get(0)).isEqualTo((double) 272.2f);
      Window corner = locator.cell(-32.9990900833037, -9.04565795584967);
      assertThat(corner).isEqualTo(new Window(0, 3, 1, 1));
      assertThat(r.band(2).isNodata(r.read(corner, 2).get(0))).isTrue();
      assertThat(r.read(corner, 1).get(0)).isEqualTo(250.0);
    }
  }

  @Test
  void packedInt16IsUnpackedAndItsFillValueIsNodata() {
    try (NetcdfRaster r = NetcdfRaster.open(NcFixtures.file("packed_noleap.nc"), "sst")) {
      // Latitude descends in the file: no flip. gdalinfo: Origin = (100, 11), Pixel Size = (1, -1).
      assertThat(r.grid().transform().toGdal()).containsExactly(100.0, 1.0, 0.0, 11.0, 0.0, -1.0);
      assertThat(r.grid().crsName()).isEqualTo("EPSG:4326");
      assertThat(r.bandCount()).isEqualTo(4);
      // scale_factor and add_offset are float32, so the physical values are too.
      assertThat(r.band(1).type()).isEqualTo(SampleType.FLOAT32);
      assertThat(r.band(1).scale()).isEqualTo(1.0);
      assertThat(r.band(1).offset()).isEqualTo(0.0);
      assertThat(r.band(1).nodata()).isEmpty();
      // stored sst[t, j, i] = 100 t + 10 j + i, j from the north; physical = stored * 0.25 - 10.
      for (int t = 0; t < 4; t++) {
        Raster all = r.read(r.grid().extent(), t + 1);
        for (int row = 0; row < 3; row++) {
          for (int col = 0; col < 4; col++) {
            double expected =
                t == 2 && row == 1 && col == 2
                    ? Double.NaN
                    : (100 * t + 10 * row + col) * 0.25 - 10;
            assertThat((Double) all.get(col, row))
                .as("t=%d row=%d col=%d", t, row, col)
                .isEqualTo((Double) expected);
          }
        }
      }
      // GDAL (raw, with Offset -10 Scale 0.25): pixel 2, line 1 is 12, 112, -32768 (nodata), 312.
      assertThat(r.read(new Window(2, 1, 1, 1), 1).get(0)).isEqualTo(12 * 0.25 - 10);
      assertThat(r.read(new Window(2, 1, 1, 1), 4).get(0)).isEqualTo(312 * 0.25 - 10);
    }
  }

  @Test
  void noleapCalendarCounts365DayYears() {
    try (NetcdfRaster r = NetcdfRaster.open(NcFixtures.file("packed_noleap.nc"), "sst")) {
      // days since 2000-01-01: 0, 59, 365, 424.5. Without 2000-02-29, day 59 is March 1 and day 365
      // is
      // 2001-01-01 (the standard calendar would give 2000-02-29 and 2000-12-31).
      assertThat(r.times())
          .containsExactly(
              Instant.parse("2000-01-01T00:00:00Z"),
              Instant.parse("2000-03-01T00:00:00Z"),
              Instant.parse("2001-01-01T00:00:00Z"),
              Instant.parse("2001-03-01T12:00:00Z"));
    }
  }

  @Test
  void aVariableWithoutTimeHasOneBandAndNoTimes() {
    try (NetcdfRaster r = NetcdfRaster.open(NcFixtures.file("packed_noleap.nc"), "frac")) {
      assertThat(r.bandCount()).isEqualTo(1);
      assertThat(r.times()).isEmpty();
      // A double scale_factor makes FLOAT64. frac[j, i] = 4 j + i (signed bytes) * 0.5; _FillValue
      // -1 at (2, 3).
      assertThat(r.band(1).type()).isEqualTo(SampleType.FLOAT64);
      Raster all = r.read(r.grid().extent(), 1);
      for (int row = 0; row < 3; row++) {
        for (int col = 0; col < 4; col++) {
          double expected = row == 2 && col == 3 ? Double.NaN : (4 * row + col) * 0.5;
          assertThat((Double) all.get(col, row))
              .as("row=%d col=%d", row, col)
              .isEqualTo((Double) expected);
        }
      }
    }
  }

  @Test
  void ascendingLatitudeIsFlippedAndMissingValueIsNodata() {
    try (NetcdfRaster r = NetcdfRaster.open(NcFixtures.file("lat_asc_360day.nc"), "pr")) {
      // latitude -45.25, -44.75 (ascending); gdalinfo: Origin = (-1, -44.5), Pixel Size = (0.5,
      // -0.5).
      assertThat(r.grid().transform().toGdal()).containsExactly(-1.0, 0.5, 0.0, -44.5, 0.0, -0.5);
      assertThat(r.band(1).type()).isEqualTo(SampleType.FLOAT64);
      // pr[t, j, i] = t + j / 10 + i / 100, j from the south: row 0 is j = 1. missing_value 1e30 at
      // (2, 1, 2).
      for (int t = 0; t < 3; t++) {
        Raster all = r.read(r.grid().extent(), t + 1);
        for (int row = 0; row < 2; row++) {
          for (int col = 0; col < 3; col++) {
            int j = 1 - row;
            double expected =
                t == 2 && j == 1 && col == 2 ? Double.NaN : t + j / 10.0 + col / 100.0;
            assertThat((Double) all.get(col, row))
                .as("t=%d row=%d col=%d", t, row, col)
                .isEqualTo((Double) expected);
          }
        }
      }
      // GDAL: pixel 2 line 0 band 1 = 0.12; band 3 = 1e+30 (nodata); pixel 1 line 1 band 3 = 2.01
      // (it prints 15
      // significant digits; the stored doubles are 0 + 0.1 + 0.02 and 2 + 0 + 0.01).
      assertThat(r.read(new Window(2, 0, 1, 1), 1).get(0))
          .isEqualTo(0 + 0.1 + 0.02)
          .isCloseTo(0.12, within(1e-15));
      assertThat(r.read(new Window(1, 1, 1, 1), 3).get(0))
          .isEqualTo(2 + 0.0 + 0.01)
          .isCloseTo(2.01, within(1e-15));
      // A point just north-west of the centre of cell (0, 0): lon -0.8, lat -44.7.
      assertThat(new PixelLocator(r.grid()).cell(-0.8, -44.7)).isEqualTo(new Window(0, 0, 1, 1));
    }
  }

  @Test
  void calendar360DayClampsFebruary30() {
    try (NetcdfRaster r = NetcdfRaster.open(NcFixtures.file("lat_asc_360day.nc"), "pr")) {
      // days since 2000-01-01 in 30-day months: 0 -> 2000-01-01; 59 -> 2000-02-30, which has no
      // instant and is
      // clamped to 2000-02-29; 390.25 -> 360 + 30 + 0.25 -> 2001-02-01T06:00.
      assertThat(r.times())
          .containsExactly(
              Instant.parse("2000-01-01T00:00:00Z"),
              Instant.parse("2000-02-29T00:00:00Z"),
              Instant.parse("2001-02-01T06:00:00Z"));
    }
  }
}
