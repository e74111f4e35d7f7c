package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.Dataset;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.Temporal;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.raster.UnreadableException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A netCDF variable whose time coordinate has no {@code units} is a static dataset reading the step
 * its catalog entry's {@code band} names (the first by default), as GDAL's band of that number.
 * Values are GDAL's ({@code
 * gdal.Open('NETCDF:"steps_no_units.nc":runoff').GetRasterBand(b).ReadAsArray()}).
 */
class NetcdfStepsCatalogTest {

  @TempDir Path dir;
  Path catalog;

  @BeforeEach
  void write() throws Exception {
    Files.copy(
        Path.of(getClass().getResource("/netcdf/steps_no_units.nc").toURI()),
        dir.resolve("steps.nc"));
    Files.copy(
        Path.of(getClass().getResource("/netcdf/packed_noleap.nc").toURI()), dir.resolve("sst.nc"));
    catalog =
        Files.writeString(
            dir.resolve("catalog.json"),
            """
        {"providers": [{"slug": "basin", "name": "Basin", "protocol": "netcdf", "datasets": [
          {"name": "runoff", "path": "steps.nc"},
          {"name": "runoff_step3", "variable": "runoff", "path": "steps.nc", "band": 3},
          {"name": "runoff_step9", "variable": "runoff", "path": "steps.nc", "band": 9},
          {"name": "sst_band2", "variable": "sst", "path": "sst.nc", "band": 2}]}]}
        """);
  }

  @Test
  void theDatasetIsStaticAndReadsTheNamedStep() {
    try (Terrace terrace = Terrace.embedded(catalog)) {
      Dataset first = terrace.dataset("basin:runoff");
      assertThat(first.temporal()).isEqualTo(Temporal.STATIC);
      assertThat(terrace.dataset("basin:runoff_step3").band()).isEqualTo(3);
      // Cell (row 1, col 0), lat 50.75 lon 5.25: GDAL band 1 reads 10.
      assertThat(value(terrace, "basin:runoff", 5.25, 50.75)).isEqualTo(10.0);
      // Cell (row 0, col 1), lat 51.25 lon 5.75: GDAL band 3 reads 221.
      ExtractResult third =
          terrace
              .extract(ExtractRequest.of(Point.of(5.75, 51.25), "basin:runoff_step3"))
              .results()
              .get(0);
      assertThat(((Number) third.jsonValue()).doubleValue()).isEqualTo(221.0);
      assertThat(third.timestamp()).isNull();
    }
  }

  @Test
  void aBandTheVariableLacksOrOnTimestampedStepsIsRefusedWhenRead() {
    try (Catalog c = Catalog.load(catalog)) {
      assertThatThrownBy(() -> c.dataset("basin:runoff_step9").orElseThrow().layer(0))
          .isInstanceOf(UnreadableException.class)
          .hasMessageContaining("band 9 does not exist");
      assertThatThrownBy(() -> c.dataset("basin:sst_band2").orElseThrow().layer(0))
          .isInstanceOf(UnreadableException.class)
          .hasMessageContaining("time_range");
    }
  }

  private static double value(Terrace terrace, String dataset, double lon, double lat) {
    Object v =
        terrace
            .extract(ExtractRequest.of(Point.of(lon, lat), dataset))
            .results()
            .get(0)
            .jsonValue();
    return ((Number) v).doubleValue();
  }
}
