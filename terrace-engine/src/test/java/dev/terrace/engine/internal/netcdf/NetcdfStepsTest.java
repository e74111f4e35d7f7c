package dev.terrace.engine.internal.netcdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.engine.internal.raster.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * steps_no_units.nc: a time dimension whose coordinate has no {@code units} is read as GDAL reads
 * it, one band per step, with no timestamps. The values are GDAL's ({@code
 * gdal.Open('NETCDF:"steps_no_units.nc":runoff')}, {@code GetRasterBand(b).ReadAsArray()}), nodata
 * where GDAL reads the {@code _FillValue} -1.
 */
class NetcdfStepsTest {

  private static NetcdfRaster runoff;

  @BeforeAll
  static void open() {
    runoff = NetcdfRaster.open(NcFixtures.file("steps_no_units.nc"), "runoff");
  }

  @AfterAll
  static void close() {
    runoff.close();
  }

  @Test
  void stepsAreBandsWithoutTimestamps() {
    assertThat(runoff.bandCount()).isEqualTo(4);
    assertThat(runoff.times()).isEmpty();
    // gdalinfo: Origin = (5.0, 51.5), Pixel Size = (0.5, -0.5), 4 bands
    assertThat(runoff.grid().transform().toGdal()).containsExactly(5.0, 0.5, 0.0, 51.5, 0.0, -0.5);
    assertThat(runoff.grid().width()).isEqualTo(2);
    assertThat(runoff.grid().height()).isEqualTo(3);
    assertThat(runoff.grid().crsName()).isEqualTo("EPSG:4326");
  }

  /**
   * The header reader finds the same coordinates, and tells steps with units (SIS's to read) apart.
   */
  @Test
  void theHeaderGivesTheCoordinatesAndWhetherTheStepsHaveUnits() throws Exception {
    HorizontalAxes steps = HorizontalAxes.of(NcFixtures.file("steps_no_units.nc"), "runoff");
    assertThat(steps.x()).containsExactly(5.25, 5.75);
    assertThat(steps.y()).containsExactly(50.25, 50.75, 51.25);
    assertThat(steps.geographic()).isTrue();
    assertThat(steps.stepsHaveUnits()).isFalse();
    HorizontalAxes utm = HorizontalAxes.of(NcFixtures.file("utm_tyx.nc"), "temp");
    assertThat(utm.x()).startsWith(500250.0, 500750.0);
    assertThat(utm.geographic()).isFalse();
    assertThat(utm.stepsHaveUnits()).isTrue();
  }

  /** band, row, col, GDAL's value (NaN: GDAL's nodata). */
  @ParameterizedTest
  @CsvSource({
    "1, 0, 0, 20",
    "1, 2, 1, 1",
    "2, 1, 0, 110",
    "3, 0, 1, 221",
    "4, 2, 0, 300",
    "4, 0, 1, NaN",
    "4, 0, 0, 320"
  })
  void valuesAreGdals(int band, int row, int col, double expected) {
    float[] cell = new float[1];
    runoff.readInto(new Window(col, row, 1, 1), band, cell);
    if (Double.isNaN(expected)) {
      assertThat(cell[0]).isNaN();
    } else {
      assertThat((double) cell[0]).isEqualTo(expected);
    }
  }
}
